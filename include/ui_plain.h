/* ui_plain: the line-mode front end (--plain, or stdout not a terminal):
 * one line per step as it starts, for screen readers, logs and scripts. */
#ifndef BACKEASE_UI_PLAIN_H
#define BACKEASE_UI_PLAIN_H

#include "catalog.h"
#include "run.h"

/* Runs the preset; returns the exit status. */
int ui_plain_run(const struct preset *p, const struct run_options *ro);

#endif
