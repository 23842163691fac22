#include "CDigest.h"

#include <openssl/evp.h>

int memreport_sha256_base64(const void *data, size_t length, char out[45]) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  out[0] = '\0';
  if (EVP_Digest(data, length, digest, &size, EVP_sha256(), NULL) != 1 || size != 32) return -1;
  // 32 bytes → 44 Base64 characters and a NUL.
  if (EVP_EncodeBlock((unsigned char *)out, digest, 32) != 44) {
    out[0] = '\0';
    return -1;
  }
  return 0;
}
