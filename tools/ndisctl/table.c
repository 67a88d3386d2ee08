// SPDX-License-Identifier: GPL-2.0
/*
 * Columns aligned to their widest cell, two spaces apart; the first row is
 * the header.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ndisctl.h"

#define TABLE_MAX_COLS	16

void table_init(struct table *t, unsigned int ncols)
{
	if (ncols > TABLE_MAX_COLS)
		abort();
	t->ncols = ncols;
	t->nrows = 0;
	t->cells = NULL;
}

/* One row: exactly ncols strings, copied. */
void table_add(struct table *t, ...)
{
	va_list ap;
	unsigned int i;
	size_t base = (size_t)t->nrows * t->ncols;

	t->cells = xrealloc(t->cells, (base + t->ncols) * sizeof(*t->cells));
	va_start(ap, t);
	for (i = 0; i < t->ncols; i++) {
		const char *s = va_arg(ap, const char *);

		t->cells[base + i] = xstrdup(s ? s : "-");
	}
	va_end(ap);
	t->nrows++;
}

void table_print(const struct table *t, const char *indent)
{
	size_t width[TABLE_MAX_COLS] = { 0 };
	unsigned int r, c;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			size_t n = strlen(t->cells[r * t->ncols + c]);

			if (n > width[c])
				width[c] = n;
		}
	for (r = 0; r < t->nrows; r++) {
		fputs(indent, stdout);
		for (c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];

			if (c + 1 == t->ncols)
				printf("%s\n", s);
			else
				printf("%-*s  ", (int)width[c], s);
		}
	}
}

void table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < (size_t)t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
}
