// SPDX-License-Identifier: GPL-2.0
/*
 * The driver's variant table (hantro_enc_variants.c, compiled here as it is
 * in the module) against what describes it from outside the code:
 *  - the device-tree bindings: every compatible the driver binds by matching
 *    is in this project's bindings and each of theirs is in the table; every
 *    compatible it takes only by driver_override is in mainline's bindings;
 *  - the SoC documentation's "Driver variants" table: codecs, clocks and
 *    the AXI clock rate of each compatible.
 *
 *   test_variants SOCS_RST BINDING.yaml... -- MAINLINE_BINDING.yaml...
 *   test_variants --list      one line per compatible: "match" or
 *                             "override", the compatible, its clock names
 *                             (comma-separated) and interrupt name ("-":
 *                             the node's only one)
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "host_check.h"
#include "hantro_enc_variant.h"

/* The backends are the module's; the table only takes their addresses. */
struct hantro_enc_ip_ops {
	int unused;
};

const struct hantro_enc_ip_ops hantro_h1_ops, hantro_vepu2_ops;

#define MAX_COMPATS	64
#define MAX_LINE	512

struct compat_list {
	char name[MAX_COMPATS][128];
	int n;
};

static int in_list(const struct compat_list *l, const char *c)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->name[i], c))
			return 1;
	return 0;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int indent_of(const char *s)
{
	int n = 0;

	while (s[n] == ' ')
		n++;
	return n;
}

/*
 * The compatibles a binding lists under properties/compatible: its "- x",
 * "const: x" and "- const: x" entries.
 */
static void read_binding(const char *path, struct compat_list *l)
{
	char line[MAX_LINE];
	int block = -1;
	FILE *f = fopen(path, "r");

	if (!f) {
		check(0, "binding %s opens", path);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		char *t = trim(line);
		int ind = indent_of(line);

		if (block < 0) {
			if (ind == 2 && !strcmp(t, "compatible:"))
				block = ind;
			continue;
		}
		if (*t && ind <= block)
			break;
		if (!strncmp(t, "- ", 2))
			t = trim(t + 2);
		if (!strncmp(t, "const:", 6))
			t = trim(t + 6);
		if (strchr(t, ',') && !strchr(t, ':') && !strchr(t, ' ') && l->n < MAX_COMPATS)
			strcpy(l->name[l->n++], t);
	}
	fclose(f);
	check(l->n > 0, "binding %s lists compatibles", path);
}

/* One row of the documentation's table, by column. */
struct doc_row {
	char col[5][64];
};

/*
 * The "Driver variants" table of the SoC documentation: an RST simple table
 * whose column spans come from its first rule line.
 */
static int read_doc_table(const char *path, struct doc_row *rows, int max)
{
	char line[MAX_LINE], blank[MAX_LINE];
	int start[5], end[5], ncol = 0, rules = 0, n = 0, in = 0, c;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!in) {
			/* The heading, then its underline. */
			in = !strncmp(line, "Driver variants", 15);
			if (in && !fgets(line, sizeof(line), f))
				break;
			continue;
		}
		if (!strncmp(line, "====", 4)) {
			if (!rules++) {
				char *p = line;

				while ((p = strchr(p, '=')) && ncol < 5) {
					start[ncol] = p - line;
					while (*p == '=')
						p++;
					end[ncol++] = p - line;
				}
			}
			if (rules == 3)
				break;
			continue;
		}
		strcpy(blank, line);
		if (rules != 2 || n >= max || !*trim(blank))
			continue;
		for (c = 0; c < ncol; c++) {
			int len = (int)strlen(line), s = start[c] < len ? start[c] : len;
			int e = c == ncol - 1 ? len : (end[c] < len ? end[c] : len);
			char buf[MAX_LINE];

			snprintf(buf, sizeof(buf), "%.*s", e - s, line + s);
			snprintf(rows[n].col[c], sizeof(rows[n].col[c]), "%s", trim(buf));
		}
		n++;
	}
	fclose(f);
	return ncol == 5 ? n : -1;
}

static void codec_names(unsigned int codecs, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", codecs & HANTRO_ENC_H264 ? "H.264 " : "",
		 codecs & HANTRO_ENC_VP8 ? "VP8 " : "", codecs & HANTRO_ENC_JPEG ? "JPEG " : "");
	if (*buf)
		buf[strlen(buf) - 1] = '\0';
}

static const struct hantro_enc_variant *lookup(const struct of_device_id *t, const char *c)
{
	for (; t->compatible[0]; t++)
		if (!strcmp(t->compatible, c))
			return t->data;
	return NULL;
}

static void check_doc_row(const struct doc_row *r)
{
	const struct hantro_enc_variant *v;
	int override = !strcmp(r->col[1], "override");
	char want[64], clocks[64] = "", rate[16];
	unsigned int i;

	v = lookup(override ? hantro_enc_claim_of_match : hantro_enc_of_match, r->col[0]);
	check(v != NULL, "%s is in the driver's %s table, as the documentation says",
	      r->col[0], override ? "driver_override" : "match");
	if (!v)
		return;
	codec_names(v->codecs, want, sizeof(want));
	check(!strcmp(want, r->col[2]), "%s codecs: table \"%s\", documentation \"%s\"",
	      r->col[0], want, r->col[2]);
	for (i = 0; i < v->num_clks; i++)
		snprintf(clocks + strlen(clocks), sizeof(clocks) - strlen(clocks), "%s%s",
			 i ? " " : "", v->clk_names[i]);
	check(!strcmp(clocks, r->col[3]), "%s clocks: table \"%s\", documentation \"%s\"",
	      r->col[0], clocks, r->col[3]);
	snprintf(rate, sizeof(rate), "%lu", v->aclk_rate / 1000000);
	check(!strcmp(v->aclk_rate ? rate : "-", r->col[4]),
	      "%s AXI clock: table %s MHz, documentation %s", r->col[0],
	      v->aclk_rate ? rate : "-", r->col[4]);
}

static void check_variant(const char *compat, const struct hantro_enc_variant *v)
{
	unsigned int i;
	int ok = v->num_clks >= 1 && v->num_clks <= HANTRO_ENC_MAX_CLKS;

	for (i = 0; ok && i < v->num_clks; i++)
		ok = v->clk_names[i] != NULL;
	check(ok, "%s: names its clocks (a node has them)", compat);
	check(v->codecs && !(v->codecs & ~HANTRO_ENC_ALL_CODECS) && v->ip && v->regmap,
	      "%s: has a backend, a register map and codecs", compat);
}

static void list(const char *how, const struct of_device_id *m)
{
	const struct hantro_enc_variant *v;
	unsigned int i;

	for (; m->compatible[0]; m++) {
		v = m->data;
		printf("%s %s ", how, m->compatible);
		for (i = 0; i < v->num_clks; i++)
			printf("%s%s", i ? "," : "", v->clk_names[i]);
		printf(" %s\n", v->irq_name ?: "-");
	}
}

int main(int argc, char **argv)
{
	static struct compat_list ours, mainline;
	static struct doc_row rows[32];
	const struct of_device_id *m;
	int i, n, documented = 0;

	if (argc == 2 && !strcmp(argv[1], "--list")) {
		list("match", hantro_enc_of_match);
		list("override", hantro_enc_claim_of_match);
		return 0;
	}
	if (argc < 4) {
		fprintf(stderr, "usage: %s SOCS_RST BINDING... -- MAINLINE_BINDING...\n", argv[0]);
		return 2;
	}
	for (i = 2; i < argc && strcmp(argv[i], "--"); i++)
		read_binding(argv[i], &ours);
	for (i++; i < argc; i++)
		read_binding(argv[i], &mainline);

	for (m = hantro_enc_of_match; m->compatible[0]; m++) {
		check(in_list(&ours, m->compatible), "%s (bound by matching) is in this project's bindings",
		      m->compatible);
		check_variant(m->compatible, m->data);
	}
	for (i = 0; i < ours.n; i++)
		check(lookup(hantro_enc_of_match, ours.name[i]) != NULL,
		      "binding compatible %s is bound by matching", ours.name[i]);
	for (m = hantro_enc_claim_of_match; m->compatible[0]; m++) {
		check(in_list(&mainline, m->compatible),
		      "%s (taken by driver_override) is in mainline's bindings", m->compatible);
		check(!lookup(hantro_enc_of_match, m->compatible),
		      "%s is not also bound by matching", m->compatible);
		check_variant(m->compatible, m->data);
	}

	n = read_doc_table(argv[1], rows, 32);
	check(n > 0, "the SoC documentation has a \"Driver variants\" table (%d rows)", n);
	for (i = 0; i < n; i++) {
		int j, dup = 0;

		for (j = 0; j < i; j++)
			dup |= !strcmp(rows[j].col[0], rows[i].col[0]);
		check(!dup, "the documentation has one row for %s", rows[i].col[0]);
		check_doc_row(&rows[i]);
	}
	for (m = hantro_enc_of_match; m->compatible[0]; m++, documented++)
		;
	for (m = hantro_enc_claim_of_match; m->compatible[0]; m++, documented++)
		;
	check(n == documented, "the documentation has a row for each of the %d compatibles",
	      documented);
	return failures ? 1 : 0;
}
