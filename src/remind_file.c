/* remind_file: the reminder's lock and state file. */
#include "remind_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "text.h"

static const char *const state_names[] = {"waiting", "due", "paused", "break",
					  "away"};
#define STATES (sizeof state_names / sizeof state_names[0])

const char *
remind_file_state_name(enum remind_file_state s)
{
	return (size_t)s < STATES ? state_names[s] : "?";
}

static bool
fields_ok(const struct remind_file *f)
{
	size_t n = strnlen(f->preset, sizeof f->preset);

	return f->pid >= 1 && f->pid <= 2147483647L &&
	       (size_t)f->state < STATES && f->due_ms >= 0 &&
	       f->due_ms <= 99999999999999LL && f->left_s >= 0 &&
	       f->left_s <= 99999999L && f->speed_milli >= 10 &&
	       f->speed_milli <= 1000000L && n > 0 && n < sizeof f->preset &&
	       text_is_clean(f->preset);
}

int
remind_file_format(const struct remind_file *f, char *buf, size_t size)
{
	int n;

	if (!fields_ok(f))
		return -1;
	n = snprintf(buf, size,
		     "backease-remind 1\npid %ld\nstate %s\ndue_ms %lld\n"
		     "left %ld\nspeed %ld.%03ld\npreset %s\n",
		     f->pid, state_names[f->state], f->due_ms, f->left_s,
		     f->speed_milli / 1000, f->speed_milli % 1000, f->preset);
	return n > 0 && (size_t)n < size ? n : -1;
}

/* Digits only, no leading zero, at most max; false otherwise. */
static bool
number(const char *s, size_t n, long long max, long long *v)
{
	size_t i;

	if (n == 0 || n > 14 || (s[0] == '0' && n > 1))
		return false;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return *v <= max;
}

/* The line at *p, which must start with key and a space; its value and
 * length.  Moves *p past its newline. */
static bool
line(const char **p, const char *end, const char *key, const char **val,
     size_t *n)
{
	size_t k = strlen(key);
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));

	if (nl == NULL || (size_t)(nl - *p) <= k + 1 ||
	    strncmp(*p, key, k) != 0 || (*p)[k] != ' ')
		return false;
	*val = *p + k + 1;
	*n = (size_t)(nl - *val);
	*p = nl + 1;
	return true;
}

static bool
parse_speed(const char *s, size_t n, long *milli)
{
	const char *dot = memchr(s, '.', n);
	long long whole, frac;

	if (dot == NULL || s + n - dot != 4 ||
	    !number(s, (size_t)(dot - s), 1000, &whole) ||
	    strspn(dot + 1, "0123456789") < 3)
		return false;
	frac = (dot[1] - '0') * 100 + (dot[2] - '0') * 10 + (dot[3] - '0');
	*milli = (long)(whole * 1000 + frac);
	return true;
}

int
remind_file_parse(const char *buf, size_t len, struct remind_file *f)
{
	const char *p = buf, *end = buf + len, *v;
	static const char magic[] = "backease-remind 1\n";
	long long x;
	size_t n, i;

	memset(f, 0, sizeof *f);
	if (len > REMIND_FILE_MAX || memchr(buf, '\0', len) != NULL ||
	    len < sizeof magic - 1 || memcmp(p, magic, sizeof magic - 1) != 0)
		return -1;
	p += sizeof magic - 1;
	if (!line(&p, end, "pid", &v, &n) || !number(v, n, 2147483647LL, &x))
		return -1;
	f->pid = (long)x;
	if (!line(&p, end, "state", &v, &n))
		return -1;
	for (i = 0; i < STATES; i++)
		if (strlen(state_names[i]) == n &&
		    memcmp(v, state_names[i], n) == 0)
			break;
	if (i == STATES)
		return -1;
	f->state = (enum remind_file_state)i;
	if (!line(&p, end, "due_ms", &v, &n) ||
	    !number(v, n, 99999999999999LL, &x))
		return -1;
	f->due_ms = x;
	if (!line(&p, end, "left", &v, &n) || !number(v, n, 99999999LL, &x))
		return -1;
	f->left_s = (long)x;
	if (!line(&p, end, "speed", &v, &n) ||
	    !parse_speed(v, n, &f->speed_milli))
		return -1;
	if (!line(&p, end, "preset", &v, &n) || n >= sizeof f->preset ||
	    p != end)
		return -1;
	memcpy(f->preset, v, n);
	f->preset[n] = '\0';
	return fields_ok(f) ? 0 : -1;
}

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int
remind_file_write(const char *path, const struct remind_file *f, struct diag *d)
{
	char text[REMIND_FILE_MAX], tmp[4200];
	int n = remind_file_format(f, text, sizeof text), fd, rc;

	if (n < 0) {
		diag_set(d, path, 0, 0, "cannot format the reminder's state");
		return -1;
	}
	if (paths_mkdirs_for(path, d) != 0)
		return -1;
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_set(d, tmp, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	rc = write_all(fd, text, (size_t)n);
	if (close(fd) != 0 || rc != 0 || rename(tmp, path) != 0) {
		diag_set(d, path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int
remind_file_read(const char *path, struct remind_file *f)
{
	char buf[REMIND_FILE_MAX + 1];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;
	size_t len = 0;

	if (fd < 0)
		return errno == ENOENT ? 1 : -1;
	while (len < sizeof buf) {
		n = read(fd, buf + len, sizeof buf - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	return remind_file_parse(buf, len, f) == 0 ? 0 : -1;
}

/* F_GETLK: the pid of the holder of a write lock, 0 when none. */
static long
holder_of(int fd)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type == F_UNLCK)
		return 0;
	return fl.l_pid > 0 ? (long)fl.l_pid : -1;
}

int
remind_lock_take(const char *path, long *holder, struct diag *d)
{
	struct flock fl;
	char pid[32];
	int fd;

	*holder = 0;
	if (paths_mkdirs_for(path, d) != 0)
		return -1;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, F_SETLK, &fl) != 0) {
		int saved = errno;

		*holder = holder_of(fd);
		close(fd);
		diag_set(d, path, 0, 0, "locked: %s", strerror(saved));
		return -1;
	}
	/* for people who look; the lock itself says who holds it */
	snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == 0)
		(void)!pwrite(fd, pid, strlen(pid), 0);
	return fd;
}

long
remind_lock_holder(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	long pid;

	if (fd < 0)
		return 0;
	pid = holder_of(fd);
	close(fd);
	return pid;
}
