#ifndef FOLIO_SYSTEM_H
#define FOLIO_SYSTEM_H

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int folio_exchange_paths(const char *first, const char *second);

#endif
