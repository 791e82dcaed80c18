/* catalog_file: catalog_add_file, and the text of a file for messages.
 * A large file is not held whole while libcyaml loads it: libcyaml reads
 * it a block at a time, and the file's text, needed only for the place
 * in a message, is read again if a message needs it.  Held whole, a file
 * of 10,000 exercises took as much memory as everything loaded from it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog_load.h"
#include "selfexe.h"

/* Files at least this large are streamed (smaller ones gain nothing). */
enum { STREAM_MIN = 256 * 1024, SCAN_BLOCK = 64 * 1024 };

int
catalog_read_fd(int fd, size_t size, unsigned char **buf, size_t *len)
{
	ssize_t got;

	*len = 0;
	*buf = malloc(size + 1);
	if (*buf == NULL) {
		errno = ENOMEM;
		return -1;
	}
	/* read what is there, never more than the limit, even if the file
	 * grows while we read */
	while (*len <= size) {
		got = pread(fd, *buf + *len, size + 1 - *len, (off_t)*len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(*buf);
			*buf = NULL;
			return -1;
		}
		if (got == 0)
			break;
		*len += (size_t)got;
	}
	return 0;
}

const unsigned char *
catalog_doc_text(const struct catalog_doc *cdoc, size_t *len)
{
	/* docs are never const objects: a const pointer only says that the
	 * caller changes nothing the catalog shows */
	struct catalog_doc *doc = (struct catalog_doc *)cdoc;
	unsigned char *buf;
	size_t n;

	if (doc->text == NULL &&
	    ((doc->has_fd &&
	      catalog_read_fd(doc->fd, CATALOG_FILE_MAX, &buf, &n) == 0) ||
	     (doc->section != NULL &&
	      selfexe_section("/proc/self/exe", doc->section, CATALOG_FILE_MAX,
	                      &buf, &n) == 0))) {
		doc->data = buf;
		doc->text = buf;
		doc->len = n;
	}
	if (doc->text == NULL) {
		*len = 0;
		return (const unsigned char *)"";
	}
	*len = doc->len;
	return doc->text;
}

/* catalog_needs_recheck() over the file, read in blocks of whole lines.
 * Returns 1 (it needs the whole text), 0, or -1 with errno set; *len is
 * the bytes read (at most size + 1, as catalog_read_fd reads). */
static int
scan_file(int fd, size_t size, size_t *len)
{
	size_t have = 0, cap = SCAN_BLOCK, off = 0, n;
	unsigned char *buf = malloc(cap), *grown, *cut;
	bool content = false, eof = false;
	ssize_t got;
	int rc = 0;

	if (buf == NULL) {
		errno = ENOMEM;
		return -1;
	}
	while (!eof && rc == 0) {
		if (have == cap) { /* a line longer than the block */
			grown = realloc(buf, cap * 2);
			if (grown == NULL) {
				errno = ENOMEM;
				rc = -1;
				break;
			}
			buf = grown;
			cap *= 2;
		}
		n = cap - have < size + 1 - off ? cap - have : size + 1 - off;
		got = n > 0 ? pread(fd, buf + have, n, (off_t)off) : 0;
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = -1;
			break;
		}
		eof = got == 0;
		have += (size_t)got;
		off += (size_t)got;
		/* whole lines now; the last piece of a line waits for the
		 * rest, but at the end it is all there is */
		cut = eof ? buf + have : memrchr(buf, '\n', have);
		if (cut == NULL)
			continue;
		n = (size_t)(cut - buf) + (eof ? 0 : 1);
		if (n > 0 && catalog_needs_recheck(buf, n, &content))
			rc = 1;
		memmove(buf, buf + n, have - n);
		have -= n;
	}
	free(buf);
	*len = off;
	return rc;
}

/* Whether libcyaml can open the file again by its descriptor. */
static bool
reopens(int fd, const struct stat *st)
{
	char proc[64];
	struct stat again;
	int fd2;
	bool same;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	fd2 = open(proc, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd2 < 0)
		return false;
	same = fstat(fd2, &again) == 0 && again.st_dev == st->st_dev &&
	       again.st_ino == st->st_ino;
	close(fd2);
	return same;
}

static int
too_large(const char *path, long long size, struct diag *d)
{
	diag_set(d, path, 0, 0,
	         "file is larger than 16 MiB (%lld bytes); catalogs are small "
	         "text files",
	         size);
	return -1;
}

int
catalog_add_file(struct catalog *cat, const char *path, struct diag *d)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	struct stat st;
	int fd, scan;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_set(d, path, 0, 0, "%s",
		         S_ISDIR(st.st_mode)
		             ? "is a directory; expected a YAML file"
		             : "is not a regular file; expected a YAML file");
		goto fail;
	}
	if (st.st_size > CATALOG_FILE_MAX) {
		too_large(path, (long long)st.st_size, d);
		goto fail;
	}
	/* a file that needs the second scan (rare) is read whole */
	if (st.st_size >= STREAM_MIN && reopens(fd, &st)) {
		scan = scan_file(fd, (size_t)st.st_size, &len);
		if (scan < 0) {
			diag_set(d, path, 0, 0, "cannot read: %s",
			         strerror(errno));
			goto fail;
		}
		if (len > CATALOG_FILE_MAX) {
			too_large(path, (long long)len, d);
			goto fail;
		}
		if (scan == 0)
			return catalog_add_stream(cat, path, fd, d);
	}
	if (catalog_read_fd(fd, (size_t)st.st_size, &buf, &len) != 0) {
		if (errno == ENOMEM)
			diag_set(d, path, 0, 0, "out of memory");
		else
			diag_set(d, path, 0, 0, "cannot read: %s",
			         strerror(errno));
		goto fail;
	}
	close(fd);
	return catalog_add_text(cat, path, buf, len, buf, d);
fail:
	close(fd);
	return -1;
}
