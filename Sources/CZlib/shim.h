// zlib, found through pkg-config (Debian: zlib1g-dev), for gzip-encoded answers.
#include <zlib.h>
