// Paced exec generator for bench:agent: posix_spawn("/bin/true", "MARKER-N") at RATE per second
// for SECONDS, reaping children as it goes, split over WORKERS processes (one spawner cannot
// exceed ~1/exec-latency). Marker numbers are 0..RATE*SECONDS-1. Prints "<spawned> <elapsed s>".
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: %s MARKER RATE SECONDS [WORKERS]\n", argv[0]); return 2; }
  const char *marker = argv[1];
  double rate = atof(argv[2]), seconds = atof(argv[3]);
  int workers = argc > 4 ? atoi(argv[4]) : 1, w = 0;
  long all = (long)(rate * seconds);
  double t0 = now();
  for (int i = 1; i < workers; i++) if (fork() == 0) { w = i; break; }
  rate /= workers;
  long total = all / workers + (w < all % workers ? 1 : 0), n = 0, live = 0;
  char arg[256];
  while (n < total) {
    long due = (long)((now() - t0) * rate) + 1;
    if (due > total) due = total;
    for (; n < due; n++) {
      snprintf(arg, sizeof arg, "%s-%ld", marker, n * workers + w);
      char *av[] = {"/bin/true", arg, NULL};
      pid_t pid;
      if (posix_spawn(&pid, "/bin/true", NULL, NULL, av, environ) == 0) live++;
    }
    while (live > 0 && waitpid(-1, NULL, WNOHANG) > 0) live--;
    struct timespec ts = {0, 500000};
    nanosleep(&ts, NULL);
  }
  while (live > 0 && waitpid(-1, NULL, 0) > 0) live--;
  if (w != 0) return 0;
  while (wait(NULL) > 0) {}  // the other workers, each of which spawned its share
  printf("%ld %.3f\n", all, now() - t0);
  return 0;
}
