// MORGUE_EXPORT marks the symbols of libmorgue's public API. Everything else in the
// library is built with hidden visibility, so only what is declared in these headers is
// part of the SDK that plugins and programs link against.

#ifndef MORGUE_EXPORT_H_
#define MORGUE_EXPORT_H_

#if defined(_WIN32)
#if defined(MORGUE_BUILDING_LIBRARY)
#define MORGUE_EXPORT __declspec(dllexport)
#else
#define MORGUE_EXPORT __declspec(dllimport)
#endif
#else
#define MORGUE_EXPORT __attribute__((visibility("default")))
#endif

#endif  // MORGUE_EXPORT_H_
