/* jmp.c - setjmp/longjmp and sigsetjmp/siglongjmp: non-local exits out
 * of deep recursion, nested jump buffers, the value 0 turned into 1,
 * volatile locals kept across the jump, the signal mask saved and restored
 * (or not) by sigsetjmp, and a small exception mechanism built on them.
 * The output is the same for -m32 and -m64. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

struct handler {
	jmp_buf env;
	struct handler *prev;
};

/* A try/throw stack: all state in one struct passed around. */
struct exceptions {
	struct handler *top;
	int thrown;
};

static void throw_(struct exceptions *ex, int code)
{
	struct handler *h = ex->top;
	ex->top = h->prev;
	ex->thrown++;
	longjmp(h->env, code);
}

static int descend(struct exceptions *ex, int depth, int limit, char *trail)
{
	char local[32];
	snprintf(local, sizeof local, "%d,", depth);
	if (strlen(trail) + strlen(local) < 200)
		strcat(trail, local);
	if (depth >= limit)
		throw_(ex, depth * 10);
	return depth > 1000 ? 0 : descend(ex, depth + 1, limit, trail) + 1;
}

static int attempt(struct exceptions *ex, int limit, char *trail)
{
	struct handler h;
	h.prev = ex->top;
	ex->top = &h;
	int code = setjmp(h.env);
	if (code == 0) {
		int r = descend(ex, 0, limit, trail);
		ex->top = h.prev;
		return r;
	}
	return -code;
}

/* A throw from an inner handler caught by the outer one after the inner
 * one caught and re-threw. */
static int nested(struct exceptions *ex)
{
	struct handler outer;
	volatile int stage = 0;
	outer.prev = ex->top;
	ex->top = &outer;
	int code = setjmp(outer.env);
	if (code) {
		printf("outer caught %d at stage %d\n", code, stage);
		return stage;
	}
	stage = 1;
	struct handler inner;
	inner.prev = ex->top;
	ex->top = &inner;
	code = setjmp(inner.env);
	if (code) {
		stage = 2;
		printf("inner caught %d, rethrowing\n", code);
		throw_(ex, code + 1);
	}
	throw_(ex, 41);
	return -1;
}

static jmp_buf zero_env;

static void jump_zero(void)
{
	longjmp(zero_env, 0);
}

static int blocked(int sig)
{
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, sig);
}

int main(void)
{
	struct exceptions ex = {0, 0};
	char trail[256];
	for (int limit = 0; limit < 40; limit += 13) {
		trail[0] = 0;
		int r = attempt(&ex, limit, trail);
		printf("limit %d: result %d, trail %s\n", limit, r, trail);
	}
	printf("nested returned %d, throws %d, handler stack %s\n", nested(&ex), ex.thrown, ex.top ? "NOT EMPTY" : "empty");

	volatile int count = 0;
	if (setjmp(zero_env) < 5) {
		if (count++ < 3)
			jump_zero();
	}
	printf("longjmp(env, 0) returns 1: count %d\n", count);

	/* A loop built from setjmp/longjmp, with volatile accumulators. */
	jmp_buf loop;
	volatile long long acc = 0;
	volatile int i = 0;
	setjmp(loop);
	acc += (long long)i * i;
	if (i < 100) {
		i++;
		longjmp(loop, 1);
	}
	printf("loop by longjmp: i %d acc %lld\n", i, acc);

	/* sigsetjmp(env, 1) restores the mask; sigsetjmp(env, 0) does not;
	 * glibc's setjmp/longjmp do not touch it either. */
	sigjmp_buf senv;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	if (sigsetjmp(senv, 1) == 0) {
		sigprocmask(SIG_BLOCK, &set, NULL);
		printf("before siglongjmp (savemask 1): USR1 blocked %d\n", blocked(SIGUSR1));
		siglongjmp(senv, 1);
	}
	printf("after siglongjmp (savemask 1): USR1 blocked %d\n", blocked(SIGUSR1));
	if (sigsetjmp(senv, 0) == 0) {
		sigprocmask(SIG_BLOCK, &set, NULL);
		siglongjmp(senv, 1);
	}
	printf("after siglongjmp (savemask 0): USR1 blocked %d\n", blocked(SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	return 0;
}
