#include "CRE2.h"

#include <re2/re2.h>

#include <cstring>
#include <new>

struct memreport_re2 {
  re2::RE2 regex;
  memreport_re2(re2::StringPiece pattern, const re2::RE2::Options &options)
      : regex(pattern, options) {}
};

memreport_re2 *memreport_re2_compile(const char *pattern, size_t length, char *error,
                                     size_t error_capacity) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  // A bound on the compiled program: a hostile `a{1000}{1000}` is refused, not built.
  options.set_max_mem(8 << 20);
  auto *compiled = new (std::nothrow) memreport_re2(re2::StringPiece(pattern, length), options);
  if (compiled == nullptr) {
    if (error_capacity > 0) std::snprintf(error, error_capacity, "out of memory");
    return nullptr;
  }
  if (!compiled->regex.ok()) {
    if (error_capacity > 0) std::snprintf(error, error_capacity, "%s", compiled->regex.error().c_str());
    delete compiled;
    return nullptr;
  }
  return compiled;
}

int memreport_re2_search(const memreport_re2 *regex, const char *text, size_t length) {
  return re2::RE2::PartialMatch(re2::StringPiece(text, length), regex->regex) ? 1 : 0;
}

void memreport_re2_free(memreport_re2 *regex) { delete regex; }
