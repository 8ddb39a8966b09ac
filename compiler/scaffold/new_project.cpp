#include "scaffold/new_project.hpp"

#include "pipeline/builtin_templates.hpp"
#include "scaffold/starter_files.hpp"

namespace kaowu {
namespace {

// The README a centre reads first: what is where, and the commands of the authoring loop.
const char* const kReadme = R"(# 考务日程项目

本目录是一个 kaowu 项目：日程写在 `calendars/`，通知写在 `notices/`，网站模板在 `templates/`，
`kaowu build` 生成的网站在 `public/`（上传到网站服务器即可）。

| 目录 | 内容 |
|---|---|
| `calendars/national/` | kaowu 收录的全国日程，供本考区日程细化（不需要的年度可以删除：`calendars/` 中的每个日程都会发布） |
| `calendars/regions/`、`calendars/sites/` | 本考区、本考点的日程（用 `kaowu new` 生成） |
| `calendars/catalogues/` | 专业目录 |
| `calendars/holidays/` | 各年度节假日和调休安排（国务院办公厅通知） |
| `calendars/rules.toml` | 一致性检查规则 |
| `notices/<日程 id>/` | 通知（Markdown），日期一律用占位符引用日程 |
| `templates/` | 网站模板（Mustache）和样式表 `templates/static/site.css`，可按需修改 |
| `schema/`、`.taplo.toml` | 编辑器用的 JSON Schema：在 VS Code 中安装 Even Better TOML 扩展后，编辑日程时可自动补全键名并即时检查 |

## 常用命令

```sh
kaowu new region national-2021 zhejiang-2021   # 新建考区日程，细化全国日程 national-2021
kaowu new site zhejiang-2021 hangzhou-2021     # 新建考点日程，细化考区日程
kaowu new notice zhejiang-2021 registration    # 新建通知，引用日程中的每个阶段
kaowu serve                                    # 在浏览器中预览（http://127.0.0.1:8080/），保存即刷新
kaowu check                                    # 检查全部日程、通知和模板
kaowu build                                    # 生成网站到 public/
```

每个问题都会给出文件、行、列、出错的那一行和修改提示；`kaowu explain KW0203` 解释某个代码。
日程格式的完整说明见 kaowu 的 calendars/README.md。每个日期都应注明来源（source）；来源没有公布的日期
写 `tba = "另行通知"`，不要编造。
)";

const char* const kGitignore = "# kaowu build writes the site here; it is generated, not a source.\n/public/\n";

} // namespace

std::vector<std::pair<std::string, std::string>> new_project_files() {
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("README.md", kReadme);
  files.emplace_back(".gitignore", kGitignore);
  for (const auto& [path, bytes] : starter_files()) files.emplace_back(path, bytes);
  for (const auto& [path, bytes] : builtin_templates().files()) files.emplace_back("templates/" + path, bytes);
  return files;
}

} // namespace kaowu
