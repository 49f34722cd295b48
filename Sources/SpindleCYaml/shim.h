#ifndef SPINDLE_CYAML_SHIM_H
#define SPINDLE_CYAML_SHIM_H
#include <yaml.h>
#endif
