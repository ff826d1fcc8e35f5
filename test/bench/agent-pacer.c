// Paced exec generator for bench:agent: posix_spawn("/bin/true", "MARKER-N") at RATE per second
// for SECONDS, reaping children as it goes, split over WORKERS processes (one spawner cannot
// exceed ~1/exec-latency). Marker numbers are 0..RATE*SECONDS-1. Prints "<spawned> <elapsed s>
// <failed>": a spawn that fails is not an exec the agent could have seen, so it is counted apart.
// With PIDS_FILE, every "MARKER-N PID" is written there (to trace a missed marker to its pid).
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: %s MARKER RATE SECONDS [WORKERS [PIDS_FILE]]\n", argv[0]); return 2; }
  const char *marker = argv[1];
  double rate = atof(argv[2]), seconds = atof(argv[3]);
  int workers = argc > 4 ? atoi(argv[4]) : 1, w = 0;
  const char *pids_file = argc > 5 ? argv[5] : NULL;
  long all = (long)(rate * seconds);
  // spawned and failed per worker, shared with the first worker, which prints the totals
  long *counts = mmap(NULL, sizeof(long) * 2 * (size_t)workers, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (counts == MAP_FAILED) { perror("mmap"); return 1; }
  double t0 = now();
  for (int i = 1; i < workers; i++) if (fork() == 0) { w = i; break; }
  rate /= workers;
  long total = all / workers + (w < all % workers ? 1 : 0), n = 0, live = 0, ok = 0, failed = 0;
  pid_t *pids = pids_file ? calloc((size_t)total + 1, sizeof *pids) : NULL;
  char arg[256];
  while (n < total) {
    long due = (long)((now() - t0) * rate) + 1;
    if (due > total) due = total;
    for (; n < due; n++) {
      snprintf(arg, sizeof arg, "%s-%ld", marker, n * workers + w);
      char *av[] = {"/bin/true", arg, NULL};
      pid_t pid;
      if (posix_spawn(&pid, "/bin/true", NULL, NULL, av, environ) == 0) { live++; ok++; if (pids) pids[n] = pid; }
      else failed++;
    }
    while (live > 0 && waitpid(-1, NULL, WNOHANG) > 0) live--;
    struct timespec ts = {0, 500000};
    nanosleep(&ts, NULL);
  }
  while (live > 0 && waitpid(-1, NULL, 0) > 0) live--;
  counts[2 * w] = ok;
  counts[2 * w + 1] = failed;
  if (pids) {
    // one write() per worker on an O_APPEND file: the workers' lines never interleave
    size_t cap = (size_t)total * (strlen(marker) + 48) + 1, len = 0;
    char *out = malloc(cap);
    int fd = open(pids_file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (out && fd >= 0) {
      for (long i = 0; i < total; i++)
        if (pids[i]) len += (size_t)snprintf(out + len, cap - len, "%s-%ld %d\n", marker, i * workers + w, pids[i]);
      for (size_t off = 0; off < len;) {
        ssize_t n = write(fd, out + off, len - off);
        if (n <= 0) break;
        off += (size_t)n;
      }
    }
    if (fd >= 0) close(fd);
    free(out);
  }
  if (w != 0) return 0;
  while (wait(NULL) > 0) {}  // the other workers, each of which spawned its share
  long spawned = 0, fails = 0;
  for (int i = 0; i < workers; i++) { spawned += counts[2 * i]; fails += counts[2 * i + 1]; }
  printf("%ld %.3f %ld\n", spawned, now() - t0, fails);
  return 0;
}
