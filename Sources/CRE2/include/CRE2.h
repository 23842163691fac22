// A C face for RE2, Google's linear-time regular-expression engine (Debian: libre2-dev), so Swift
// can use it without C++ interoperability. memreport matches user patterns (--allow-files,
// --ignore-files) with it: no pattern can make a match take more than linear time.
#ifndef MEMREPORT_CRE2_H
#define MEMREPORT_CRE2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct memreport_re2 memreport_re2;

/// Compiles `pattern` (UTF-8, `length` bytes). Returns NULL and writes a NUL-terminated reason
/// into `error` (at most `error_capacity` bytes) when it is not a valid pattern or too large.
memreport_re2 *memreport_re2_compile(const char *pattern, size_t length, char *error,
                                     size_t error_capacity);

/// 1 when the pattern matches anywhere in `text` (unanchored), else 0.
int memreport_re2_search(const memreport_re2 *regex, const char *text, size_t length);

void memreport_re2_free(memreport_re2 *regex);

#ifdef __cplusplus
}
#endif

#endif
