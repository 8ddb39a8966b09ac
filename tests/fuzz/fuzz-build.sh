# Sourced by the fuzz scripts from the repository's root: configures build-fuzz (or
# KAOWU_FUZZ_BUILD_DIR) with clang, libFuzzer, ASan and UBSan, builds the targets named by its arguments,
# and sets BUILD to the build directory.
BUILD=${KAOWU_FUZZ_BUILD_DIR:-$PWD/build-fuzz}
# -fsanitize=fuzzer-no-link instruments the whole compiler for coverage, not only the target.
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DKAOWU_FUZZ=ON -DKAOWU_SANITIZE=ON -DKAOWU_TESTS=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$BUILD" --target "$@"
