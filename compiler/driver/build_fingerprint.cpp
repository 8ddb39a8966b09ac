#include "driver/build_fingerprint.hpp"

#include <elf.h>
#include <link.h>
#include <sys/stat.h>

#include <cstring>

namespace kaowu {

namespace {

// The build id note among an object's program headers, or "".
std::string build_id(const dl_phdr_info& info) {
  for (int i = 0; i < info.dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info.dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info.dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      const char* next = desc + ((note->n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0)
        return std::string(desc, note->n_descsz);
      p = next;
    }
  }
  return {};
}

int add_object(dl_phdr_info* info, size_t, void* data) {
  Digest& d = *static_cast<Digest*>(data);
  std::string name = info->dlpi_name ? info->dlpi_name : "";
  if (name.rfind("linux-vdso", 0) == 0 || name.rfind("linux-gate", 0) == 0) return 0; // the kernel's
  std::string id = build_id(*info);
  d.add(name);
  if (!id.empty()) {
    d.add(id);
  } else {
    // No build id: the file's size and modification time stand in for its contents.
    struct stat st;
    std::string file = name.empty() ? "/proc/self/exe" : name;
    if (::stat(file.c_str(), &st) == 0)
      d.add(static_cast<uint64_t>(st.st_size)).add(static_cast<uint64_t>(st.st_mtim.tv_sec)).add(static_cast<uint64_t>(st.st_mtim.tv_nsec));
    else
      d.add("unknown");
  }
  return 0;
}

} // namespace

std::string program_identity() {
  Digest d;
  d.add(KAOWU_VERSION);
  dl_iterate_phdr(add_object, &d);
  return d.hex();
}

std::string build_fingerprint(const std::string& inputs, const RunOptions& options) {
  Digest d;
  d.add("kaowu build fingerprint 1").add(program_identity());
  d.add("base-url").add(options.bind.base_url);
  d.add("today").add(options.bind.build_date ? options.bind.build_date->iso() : "-");
  d.add("source-date-epoch").add(options.bind.source_date_epoch ? std::to_string(*options.bind.source_date_epoch) : "-");
  d.add("json").add(options.render.json == JsonStyle::pretty ? "pretty" : "minified");
  d.add("model").add(options.render.model ? "yes" : "no");
  d.add("templates").add(options.templates_dir.empty() ? "built in" : "directory");
  d.add("inputs").add(inputs);
  return d.hex();
}

} // namespace kaowu
