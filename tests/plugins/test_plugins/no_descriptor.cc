// A shared library that is not a morgue plugin: it exports a function, no descriptor.

extern "C" __attribute__((visibility("default"))) int morgue_test_not_a_plugin() { return 42; }
