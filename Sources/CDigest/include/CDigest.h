// SHA-256 from OpenSSL's libcrypto (Debian: libssl-dev) behind a plain C header: the pages'
// Content-Security-Policy names the one inline script and stylesheet by their hashes.
#ifndef MEMREPORT_CDIGEST_H
#define MEMREPORT_CDIGEST_H

#include <stddef.h>

/// Writes the Base64 of SHA-256(`data`) and a NUL into `out` (45 bytes). Returns 0, or -1 when
/// libcrypto fails (then `out` is an empty string).
int memreport_sha256_base64(const void *data, size_t length, char out[45]);

#endif
