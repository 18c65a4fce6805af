/* files.c - file system calls through libc: a fresh directory from
 * mkdtemp, files created, written, read back through lseek, pread and
 * pwrite, truncated, stat'ed, renamed, linked and unlinked, a directory
 * listing sorted by name, stdio on top, and the errors (errno) of
 * operations that must fail. Nothing printed depends on the directory's
 * random name, inode numbers or times; sizes are printed as fixed-width
 * types, so the output is the same for -m32 and -m64. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static char dir[64];

/* A path in the directory; two buffers, for rename(at(a), at(b)). */
static const char *at(const char *name)
{
	static char path[2][128];
	static int which;
	which ^= 1;
	snprintf(path[which], sizeof path[which], "%s/%s", dir, name);
	return path[which];
}

static void check(int ok, const char *what)
{
	if (!ok)
		printf("FAILED: %s (errno %s)\n", what, strerror(errno));
}

static void show_stat(const char *name)
{
	struct stat st;
	if (stat(at(name), &st) != 0) {
		printf("stat %s: %s\n", name, strerror(errno));
		return;
	}
	/* A directory's size and link count depend on the file system. */
	if (S_ISDIR(st.st_mode)) {
		printf("stat %s: directory mode %04o\n", name, (unsigned)(st.st_mode & 07777));
		return;
	}
	printf("stat %s: size %" PRId64 " %s mode %04o links %" PRIu32 "\n", name, (int64_t)st.st_size,
	       S_ISREG(st.st_mode) ? "file" : S_ISLNK(st.st_mode) ? "link" : "other", (unsigned)(st.st_mode & 07777),
	       (uint32_t)st.st_nlink);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(void)
{
	DIR *d = opendir(dir);
	check(d != NULL, "opendir");
	if (!d)
		return;
	char *names[64];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 64)
		names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], by_name);
	printf("listing (%d):", n);
	for (int i = 0; i < n; i++) {
		printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

int main(void)
{
	umask(022);
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/guest-files-XXXXXX", tmp && strlen(tmp) < 30 ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		printf("mkdtemp failed: %s\n", strerror(errno));
		return 1;
	}

	/* write, lseek, read back. */
	int fd = open(at("data.bin"), O_CREAT | O_RDWR | O_EXCL, 0640);
	check(fd >= 0, "open O_CREAT");
	unsigned char buf[10000];
	for (unsigned i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 7 + (i >> 8));
	ssize_t w = write(fd, buf, sizeof buf);
	printf("write %" PRId64 ", offset now %" PRId64 "\n", (int64_t)w, (int64_t)lseek(fd, 0, SEEK_CUR));
	printf("lseek SEEK_SET 100 -> %" PRId64 ", SEEK_END -10 -> %" PRId64 ", SEEK_CUR +5 -> %" PRId64 "\n",
	       (int64_t)lseek(fd, 100, SEEK_SET), (int64_t)lseek(fd, -10, SEEK_END), (int64_t)lseek(fd, 5, SEEK_CUR));
	unsigned char back[10000];
	lseek(fd, 0, SEEK_SET);
	ssize_t r = read(fd, back, sizeof back);
	printf("read %" PRId64 " bytes, %s\n", (int64_t)r, memcmp(buf, back, sizeof buf) ? "DIFFERENT" : "identical");
	r = read(fd, back, 10);
	printf("read at end: %" PRId64 "\n", (int64_t)r);
	/* A hole past the end reads as zeros. */
	lseek(fd, 20000, SEEK_SET);
	check(write(fd, "end", 3) == 3, "write after hole");
	r = pread(fd, back, 16, 15000);
	printf("hole: pread %" PRId64 " bytes, sum %d\n", (int64_t)r, back[0] + back[7] + back[15]);
	check(pwrite(fd, "PWRITE", 6, 50) == 6, "pwrite");
	r = pread(fd, back, 12, 48);
	printf("pread after pwrite: %.6s (%" PRId64 ")\n", (char *)back + 2, (int64_t)r);
	struct stat st;
	fstat(fd, &st);
	printf("fstat size %" PRId64 "\n", (int64_t)st.st_size);
	check(ftruncate(fd, 4096) == 0, "ftruncate");
	fstat(fd, &st);
	printf("after ftruncate size %" PRId64 "\n", (int64_t)st.st_size);

	/* writev/readv, dup and a shared offset, O_APPEND. */
	struct iovec iov[3] = {{"one ", 4}, {"two ", 4}, {"three\n", 6}};
	lseek(fd, 0, SEEK_SET);
	printf("writev %" PRId64 "\n", (int64_t)writev(fd, iov, 3));
	int fd2 = dup(fd);
	lseek(fd2, 4, SEEK_SET);
	printf("dup shares the offset: %" PRId64 "\n", (int64_t)lseek(fd, 0, SEEK_CUR));
	char a[5] = {0}, b[7] = {0};
	struct iovec riov[2] = {{a, 4}, {b, 6}};
	printf("readv %" PRId64 ": '%s' '%s'\n", (int64_t)readv(fd2, riov, 2), a, b);
	close(fd2);
	close(fd);
	fd = open(at("data.bin"), O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	check(write(fd, "appended", 8) == 8, "append");
	close(fd);
	show_stat("data.bin");

	/* stdio on top. */
	FILE *f = fopen(at("text.txt"), "w");
	for (int i = 1; i <= 50; i++)
		fprintf(f, "line %d: %d squared is %d\n", i, i, i * i);
	fclose(f);
	f = fopen(at("text.txt"), "r");
	char line[100];
	int lines = 0;
	long total = 0;
	while (fgets(line, sizeof line, f)) {
		lines++;
		total += (long)strlen(line);
		if (lines == 37)
			printf("line 37 is: %s", line);
	}
	printf("%d lines, %ld bytes, ftell %ld\n", lines, total, ftell(f));
	fseek(f, -12, SEEK_END);
	printf("last 12 bytes: %s", fgets(line, sizeof line, f));
	fclose(f);

	/* rename, link, symlink, mkdir, chmod. */
	check(rename(at("text.txt"), at("renamed.txt")) == 0, "rename");
	check(link(at("renamed.txt"), at("hardlink.txt")) == 0, "link");
	check(symlink("renamed.txt", at("symlink")) == 0, "symlink");
	check(mkdir(at("subdir"), 0755) == 0, "mkdir");
	check(chmod(at("renamed.txt"), 0600) == 0, "chmod");
	char target[64];
	ssize_t tl = readlink(at("symlink"), target, sizeof target - 1);
	target[tl > 0 ? tl : 0] = 0;
	printf("readlink: %s\n", target);
	show_stat("renamed.txt");
	show_stat("hardlink.txt");
	show_stat("subdir");
	struct stat ls;
	lstat(at("symlink"), &ls);
	printf("lstat symlink: is link %d, size %" PRId64 "\n", S_ISLNK(ls.st_mode), (int64_t)ls.st_size);
	int r_ok = access(at("renamed.txt"), R_OK), x_ok = access(at("renamed.txt"), X_OK);
	printf("access: R %d X %d missing %d\n", r_ok, x_ok, access(at("missing"), F_OK));
	for (int i = 9; i >= 0; i--) {
		char name[16];
		snprintf(name, sizeof name, "f%d", i * 13 % 10);
		fd = open(at(name), O_CREAT | O_WRONLY | O_TRUNC, 0644);
		check(fd >= 0 && write(fd, name, strlen(name)) == (ssize_t)strlen(name), "small file");
		close(fd);
	}
	list();

	/* Errors: each call first, then errno (argument order is unspecified). */
	int rc = open(at("missing"), O_RDONLY);
	printf("open missing: %d %s\n", rc, strerror(errno));
	rc = open(at("f1"), O_CREAT | O_EXCL | O_WRONLY, 0644);
	printf("O_EXCL on existing: %d %s\n", rc, strerror(errno));
	rc = rmdir(dir);
	printf("rmdir non-empty: %d %s\n", rc, strerror(errno));
	rc = unlink(at("subdir"));
	printf("unlink a directory: %d %s\n", rc, strerror(errno));
	fd = open(at("subdir"), O_RDONLY | O_DIRECTORY);
	ssize_t rd = read(fd, buf, 10);
	printf("read a directory: %" PRId64 " %s\n", (int64_t)rd, strerror(errno));
	close(fd);
	rc = close(fd);
	printf("close a closed fd: %d %s\n", rc, strerror(errno));
	rc = mkdir(at("subdir"), 0755);
	printf("mkdir existing: %d %s\n", rc, strerror(errno));
	rc = rename(at("missing"), at("x"));
	printf("rename missing: %d %s\n", rc, strerror(errno));

	/* Clean up: unlink everything, then the directory. */
	const char *names[] = {"data.bin", "renamed.txt", "hardlink.txt", "symlink", "f0", "f1", "f2", "f3", "f4",
	                       "f5", "f6", "f7", "f8", "f9"};
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
		check(unlink(at(names[i])) == 0, names[i]);
	check(rmdir(at("subdir")) == 0, "rmdir subdir");
	list();
	check(rmdir(dir) == 0, "rmdir");
	printf("directory removed: %d\n", access(dir, F_OK) != 0);
	return 0;
}
