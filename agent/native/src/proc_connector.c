// Kernel process events (netlink process connector) for the agent's process sensor.
//
// One native thread per handle reads fork/exec/exit/uid events from a NETLINK_CONNECTOR socket
// subscribed to CN_IDX_PROC. On exec it reads /proc/PID/{cmdline,exe,cwd,stat} at once, command
// lines first, before a short-lived process can vanish. Events go to JS in batches (one call per
// batch, as packed numbers plus one string buffer) through one threadsafe function over a bounded
// queue; whatever cannot be delivered (kernel ENOBUFS, per-CPU sequence jumps, a full queue)
// becomes an in-band "gap" record with a count, never a silent loss. An exec whose process had
// already exited when it was read is flagged, so JS can count it. The reader thread (SCHED_FIFO
// when allowed) waits on nothing a normal thread may hold: its queue lock inherits priority, and
// JS is woken by a notifier thread (Node's threadsafe-function lock is not priority-inheriting).
#define _GNU_SOURCE
#include <node_api.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>

#define CMDLINE_MAX 32768
#define MAX_CPUS 4096
// JS is woken at most once per BATCH_MS, or as soon as BATCH_MAX records wait: each wake-up of
// the event loop costs more than handling a few dozen events.
#define BATCH_MS 50
#define BATCH_MAX 1024
// Messages taken from the socket per recvmmsg; a proc connector message is under 128 bytes.
#define RECV_MSGS 64
#define RECV_MSG_BYTES 512
// How often an idle reader looks at the stop flag (the socket has no other way to wake it).
#define IDLE_POLL_MS 250

enum ev_kind { EV_FORK = 1, EV_EXEC, EV_EXIT, EV_UID, EV_GAP };
enum gap_reason { GAP_ENOBUFS = 1, GAP_SEQ, GAP_QUEUE };

// Flags of an exec record.
#define EXEC_EXITED 1    // no cmdline: the process had exited (zombie) when it was read
#define EXEC_REAPED 2    // no cmdline: it was gone from /proc entirely (nothing but its pid)
#define EXEC_SETID 4     // the executable is set-user-ID or set-group-ID (uid/euid read from status)
#define EXEC_EMPTY_ARGS 8  // alive, but /proc/PID/cmdline was empty (argv[0] missing or cleared)

// One record per event, as doubles (exported to JS as a Float64Array; keep in step with
// agent/src/sensors/native-batch.ts).
enum field {
  F_KIND, F_PID, F_PPID, F_TIME_MS, F_START_TICKS, F_UID, F_EUID,
  F_EXE_DEV, F_EXE_INO, F_EXE_SIZE, F_EXE_MTIME_MS,
  F_A, F_B,  // exit: status, signal; gap: reason, count
  F_CMD_OFF, F_CMD_LEN, F_EXE_OFF, F_EXE_LEN, F_CWD_OFF, F_CWD_LEN, F_NAME_OFF, F_NAME_LEN,
  F_FLAGS, F_READ_DELAY_US,
  NFIELDS
};

// Records and their strings, appended by the reader thread and handed to JS whole. The two
// buffers of a handle swap under the lock: the reader only ever writes the one it holds and JS
// only reads the one it took, and all memory is (re)allocated by the reader thread.
typedef struct {
  double *nums; size_t n, cap;
  char *str; size_t str_len, str_cap;
} batch;

typedef struct {
  int sock, stop_fd;
  pthread_t thread;
  int thread_started;
  // Wakes JS for the reader: napi_call_threadsafe_function takes Node's own (not priority-
  // inheriting) lock, which a preempted JS thread may hold; the realtime reader must never wait on
  // it, so it only writes this eventfd and a normal-priority thread makes the call.
  int notify_fd;
  pthread_t notifier;
  int notifier_started;
  napi_threadsafe_function tsfn;
  int packed;  // openPacked (numbers + buffer) or open (one object per event)
  pthread_mutex_t mu;  // priority-inheriting: the realtime reader must not wait on a preempted JS thread
  batch bufs[2];
  int fill;  // index of the buffer the reader appends to
  size_t queue_max;
  int scheduled;
  uint64_t dropped_queue, dropped_queue_reported;
  uint64_t received, enobufs, seq_lost, execs, exec_exited, exec_reaped, delay_over_1ms, delay_max_us;
  uint64_t slow_reads, slow_read_max_us;  // command line reads that took over 1 ms (a busy target)
  uint32_t last_seq[MAX_CPUS];
  uint8_t seen_cpu[MAX_CPUS];
  int rcvbuf;
  volatile int stopping;
  int stopped;
  int rt_priority, rt_ok;
} handle;

// Work for one exec, between reading its command line and the rest of its details.
typedef struct {
  uint32_t pid;
  size_t rec;  // its record in the chunk's stage
  double ts_ns;
  char *cmd; size_t cmd_len;  // points into the scratch buffer
  char exe[PATH_MAX], cwd[PATH_MAX], comm[64];
  ssize_t exe_len, cwd_len;
  double delay_us, read_us;
} exec_work;

// The records of one chunk of messages, built without the lock and appended in one go, in the
// order the kernel sent them (an exit must not overtake its exec).
#define STAGE_MAX (2 * RECV_MSGS + 2)
typedef struct {
  double rec[STAGE_MAX][NFIELDS];
  int exec_of[STAGE_MAX];  // index into the exec work, or -1
  size_t n;
} stage;

// The reader thread's working memory, allocated once per thread (too big for its stack).
#define SCRATCH_BYTES (RECV_MSGS * 4096 + CMDLINE_MAX)
typedef struct {
  char bufs[RECV_MSGS][RECV_MSG_BYTES] __attribute__((aligned(8)));
  struct mmsghdr msgs[RECV_MSGS];
  struct iovec iovs[RECV_MSGS];
  exec_work work[RECV_MSGS];
  stage sg;
  char scratch[SCRATCH_BYTES];  // the command lines of one chunk, back to back
} reader_mem;

static double mono_ns(void) {
  struct timespec m;
  clock_gettime(CLOCK_MONOTONIC, &m);
  return m.tv_sec * 1e9 + m.tv_nsec;
}

static double now_offset_ms(void) {
  struct timespec rt, mono;
  clock_gettime(CLOCK_REALTIME, &rt);
  clock_gettime(CLOCK_MONOTONIC, &mono);
  return (rt.tv_sec - mono.tv_sec) * 1e3 + (rt.tv_nsec - mono.tv_nsec) / 1e6;
}

// The /proc files read here return everything they have on one read: a short read is the end,
// and the read that would return 0 is saved (a syscall per file, thousands per second).
static ssize_t read_file(const char *path, char *buf, size_t cap) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  size_t got = 0;
  while (got < cap) {
    ssize_t n = read(fd, buf + got, cap - got);
    if (n < 0) { if (errno == EINTR) continue; close(fd); return -1; }
    if (n == 0) break;
    got += (size_t)n;
    if ((size_t)n < cap - (got - (size_t)n)) break;
  }
  close(fd);
  return (ssize_t)got;
}

// ---- the reader's buffer -------------------------------------------------------------------

static int grow(void **p, size_t *cap, size_t need, size_t unit) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 256;
  while (c < need) c *= 2;
  void *q = realloc(*p, c * unit);
  if (!q) return -1;
  *p = q; *cap = c;
  return 0;
}

// Called with h->mu held. Returns the new record (zeroed but for kind), or NULL when the queue
// is full (counted) or memory ran out (counted the same way).
static double *add_record(handle *h, int kind);

static double *raw_record(handle *h, batch *b, int kind) {
  if (grow((void **)&b->nums, &b->cap, (b->n + 1) * NFIELDS, sizeof(double)) < 0) return NULL;
  double *r = b->nums + b->n * NFIELDS;
  memset(r, 0, NFIELDS * sizeof(double));
  r[F_KIND] = kind; r[F_UID] = -1; r[F_EUID] = -1;
  b->n++;
  return r;
}

static double *add_record(handle *h, int kind) {
  batch *b = &h->bufs[h->fill];
  if (kind != EV_GAP && b->n >= h->queue_max) { h->dropped_queue++; return NULL; }
  if (kind != EV_GAP && h->dropped_queue > h->dropped_queue_reported) {
    double *g = raw_record(h, b, EV_GAP);
    if (g) {
      g[F_A] = GAP_QUEUE;
      g[F_B] = (double)(h->dropped_queue - h->dropped_queue_reported);
      h->dropped_queue_reported = h->dropped_queue;
    }
  }
  double *r = raw_record(h, b, kind);
  if (!r && kind != EV_GAP) h->dropped_queue++;
  return r;
}

// Appends bytes to the string buffer; stores offset and length in the record's two fields.
// Called with h->mu held; `r` may move when nums grows, so it is re-derived by the caller.
static void add_string(handle *h, size_t rec, int off_field, const char *s, size_t len) {
  batch *b = &h->bufs[h->fill];
  if (grow((void **)&b->str, &b->str_cap, b->str_len + len, 1) < 0) return;
  memcpy(b->str + b->str_len, s, len);
  double *r = b->nums + rec * NFIELDS;
  r[off_field] = (double)b->str_len;
  r[off_field + 1] = (double)len;
  b->str_len += len;
}

static void push_gap(handle *h, int reason, double count, double time_ms) {
  pthread_mutex_lock(&h->mu);
  double *g = add_record(h, EV_GAP);
  if (g) { g[F_A] = reason; g[F_B] = count; g[F_TIME_MS] = time_ms; }
  pthread_mutex_unlock(&h->mu);
}

static double *stage_add(stage *sg, int kind) {
  if (sg->n >= STAGE_MAX) return NULL;  // cannot happen: at most two records per message
  double *r = sg->rec[sg->n];
  memset(r, 0, NFIELDS * sizeof(double));
  r[F_KIND] = kind; r[F_UID] = -1; r[F_EUID] = -1;
  sg->exec_of[sg->n] = -1;
  sg->n++;
  return r;
}

// ---- reading an exec's details -------------------------------------------------------------

// stat: state (field 3), ppid (4), starttime (22); comm (2) may hold spaces and parens, so the
// fields are counted from the last ')'. Returns 0 when the process is gone.
static int read_stat(uint32_t pid, char *state, uint32_t *ppid, uint64_t *start_ticks, char *comm, size_t comm_cap) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%u/stat", pid);
  ssize_t n = read_file(path, buf, sizeof buf - 1);
  if (n <= 0) return 0;
  buf[n] = 0;
  char *open_paren = strchr(buf, '(');
  char *close_paren = strrchr(buf, ')');
  if (!open_paren || !close_paren || close_paren < open_paren || close_paren[1] != ' ') return 0;
  size_t cl = (size_t)(close_paren - open_paren - 1);
  if (cl >= comm_cap) cl = comm_cap - 1;
  memcpy(comm, open_paren + 1, cl);
  comm[cl] = 0;
  char *p = close_paren + 2;
  *state = *p;
  int field = 3;
  char *end;
  for (; *p && field < 22; p++) {
    if (*p != ' ') continue;
    field++;
    if (field == 4) *ppid = (uint32_t)strtoul(p + 1, &end, 10);
  }
  *start_ticks = field == 22 ? strtoull(p, NULL, 10) : 0;
  return 1;
}

// Only for set-user-ID/set-group-ID executables: everywhere else the uid is the parent's at fork
// (or the last uid event), which JS knows, so the costly status file is not read per exec.
static void read_uids(uint32_t pid, double *uid, double *euid) {
  char path[64], buf[2048];
  snprintf(path, sizeof path, "/proc/%u/status", pid);
  ssize_t n = read_file(path, buf, sizeof buf - 1);
  if (n <= 0) return;
  buf[n] = 0;
  char *line = strstr(buf, "\nUid:\t");
  if (!line) return;
  char *end;
  *uid = (double)strtol(line + 6, &end, 10);
  *euid = (double)strtol(end, NULL, 10);
}

// Phase 1, for every exec taken from the socket before anything else: the command line, the
// executable and the cwd, which all vanish when the process exits (a zombie keeps only stat).
static void read_volatile(exec_work *w, char *scratch, size_t cap) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%u/cmdline", w->pid);
  double t0 = mono_ns();
  w->delay_us = (t0 - w->ts_ns) / 1e3;
  ssize_t n = read_file(path, scratch, cap);
  w->read_us = (mono_ns() - t0) / 1e3;
  w->cmd = scratch;
  w->cmd_len = n > 0 ? (size_t)n : 0;
  snprintf(path, sizeof path, "/proc/%u/exe", w->pid);
  w->exe_len = readlink(path, w->exe, sizeof w->exe);
  snprintf(path, sizeof path, "/proc/%u/cwd", w->pid);
  w->cwd_len = readlink(path, w->cwd, sizeof w->cwd);
}

// Phase 2: what survives the exit (stat) and the executable's identity for the hash cache.
static void finish_exec(handle *h, exec_work *w, double *r) {
  char state = 0;
  uint32_t ppid = 0;
  uint64_t start_ticks = 0;
  w->comm[0] = 0;
  int alive_stat = read_stat(w->pid, &state, &ppid, &start_ticks, w->comm, sizeof w->comm);
  struct stat st;
  int have_st = 0;
  if (w->exe_len > 0) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%u/exe", w->pid);
    have_st = stat(path, &st) == 0;
  }
  int flags = 0;
  if (have_st && (st.st_mode & (S_ISUID | S_ISGID))) { flags |= EXEC_SETID; read_uids(w->pid, &r[F_UID], &r[F_EUID]); }
  // Only a command line that could not be read makes an exec incomplete. A process in do_exit has
  // lost its memory (no cmdline, no exe) before it turns zombie.
  if (w->cmd_len == 0) {
    if (!alive_stat) flags |= EXEC_REAPED;
    else if (state == 'Z' || state == 'X' || w->exe_len < 0) flags |= EXEC_EXITED;
    else flags |= EXEC_EMPTY_ARGS;
  }
  r[F_PPID] = ppid; r[F_START_TICKS] = (double)start_ticks;
  r[F_FLAGS] = flags; r[F_READ_DELAY_US] = w->delay_us;
  if (have_st) {
    r[F_EXE_DEV] = (double)st.st_dev; r[F_EXE_INO] = (double)st.st_ino; r[F_EXE_SIZE] = (double)st.st_size;
    r[F_EXE_MTIME_MS] = st.st_mtim.tv_sec * 1e3 + st.st_mtim.tv_nsec / 1e6;
  }
}

// Appends a chunk's records under one lock.
static void commit(handle *h, stage *sg, exec_work *work, int nexec) {
  pthread_mutex_lock(&h->mu);
  for (int i = 0; i < nexec; i++) {
    if (work[i].read_us > 1000) h->slow_reads++;
    if (work[i].read_us > h->slow_read_max_us) h->slow_read_max_us = (uint64_t)work[i].read_us;
  }
  for (size_t i = 0; i < sg->n; i++) {
    double *src = sg->rec[i];
    int kind = (int)src[F_KIND];
    int x = sg->exec_of[i];
    if (x >= 0) {
      int flags = (int)src[F_FLAGS];
      h->execs++;
      if (flags & EXEC_REAPED) h->exec_reaped++;
      else if (flags & EXEC_EXITED) h->exec_exited++;
      if (src[F_READ_DELAY_US] > 1000) h->delay_over_1ms++;
      if (src[F_READ_DELAY_US] > h->delay_max_us) h->delay_max_us = (uint64_t)src[F_READ_DELAY_US];
    }
    double *r = add_record(h, kind);
    if (!r) continue;
    memcpy(r, src, NFIELDS * sizeof(double));
    if (x >= 0) {
      exec_work *w = &work[x];
      size_t rec = h->bufs[h->fill].n - 1;
      if (w->cmd_len) add_string(h, rec, F_CMD_OFF, w->cmd, w->cmd_len);
      if (w->exe_len > 0) add_string(h, rec, F_EXE_OFF, w->exe, (size_t)w->exe_len);
      if (w->cwd_len > 0) add_string(h, rec, F_CWD_OFF, w->cwd, (size_t)w->cwd_len);
      if (w->comm[0]) add_string(h, rec, F_NAME_OFF, w->comm, strlen(w->comm));
    }
  }
  pthread_mutex_unlock(&h->mu);
  sg->n = 0;
}

// ---- the reader thread ---------------------------------------------------------------------

// Wakes JS at most once per BATCH_MS (or at BATCH_MAX records). Returns the poll timeout until
// the next flush is due.
static int maybe_notify(handle *h, double *first_pending) {
  double now = mono_ns() / 1e6;
  int notify = 0, timeout = IDLE_POLL_MS;
  pthread_mutex_lock(&h->mu);
  size_t queued = h->bufs[h->fill].n;
  if (queued == 0) {
    *first_pending = 0;
  } else if (h->scheduled) {
    // JS has not taken the last batch yet; look again so what came after is not left waiting.
    *first_pending = 0;
    timeout = BATCH_MS;
  } else {
    if (*first_pending == 0) *first_pending = now;
    if (now - *first_pending >= BATCH_MS || queued >= BATCH_MAX) { h->scheduled = 1; notify = 1; *first_pending = 0; }
    else timeout = (int)(BATCH_MS - (now - *first_pending)) + 1;
  }
  pthread_mutex_unlock(&h->mu);
  if (notify) {
    uint64_t one = 1;
    if (write(h->notify_fd, &one, sizeof one) < 0) { /* the counter cannot overflow at this rate */ }
  }
  return timeout;
}

static void check_seq(handle *h, stage *sg, struct cn_msg *cn, struct proc_event *ev, double t) {
  if (ev->cpu >= MAX_CPUS) return;
  if (h->seen_cpu[ev->cpu]) {
    uint32_t gap = cn->seq - h->last_seq[ev->cpu] - 1;
    if (gap > 0 && gap < 0x80000000u) {
      h->seq_lost += gap;
      double *g = stage_add(sg, EV_GAP);
      if (g) { g[F_A] = GAP_SEQ; g[F_B] = gap; g[F_TIME_MS] = t; }
    }
  }
  h->seen_cpu[ev->cpu] = 1;
  h->last_seq[ev->cpu] = cn->seq;
}

// Stages one message; an exec also gets an entry in the exec work list (returns 1).
static int handle_msg(handle *h, stage *sg, struct cn_msg *cn, double offset, exec_work *w) {
  if (cn->id.idx != CN_IDX_PROC || cn->id.val != CN_VAL_PROC) return 0;
  struct proc_event *ev = (struct proc_event *)cn->data;
  if (ev->what == PROC_EVENT_NONE) return 0;
  double t = (double)ev->timestamp_ns / 1e6 + offset;
  h->received++;
  check_seq(h, sg, cn, ev, t);
  double *r;
  switch (ev->what) {
    case PROC_EVENT_FORK:
      if (ev->event_data.fork.child_pid != ev->event_data.fork.child_tgid) return 0;  // a thread
      if (!(r = stage_add(sg, EV_FORK))) return 0;
      r[F_PID] = ev->event_data.fork.child_tgid; r[F_PPID] = ev->event_data.fork.parent_tgid;
      break;
    case PROC_EVENT_EXEC:
      if (!(r = stage_add(sg, EV_EXEC))) return 0;
      r[F_PID] = w->pid = ev->event_data.exec.process_tgid;
      w->ts_ns = (double)ev->timestamp_ns;
      w->rec = sg->n - 1;
      r[F_TIME_MS] = t;
      return 1;
    case PROC_EVENT_EXIT:
      if (ev->event_data.exit.process_pid != ev->event_data.exit.process_tgid) return 0;
      if (!(r = stage_add(sg, EV_EXIT))) return 0;
      r[F_PID] = ev->event_data.exit.process_tgid; r[F_PPID] = ev->event_data.exit.parent_tgid;
      r[F_A] = (int32_t)ev->event_data.exit.exit_code; r[F_B] = (int32_t)ev->event_data.exit.exit_signal;
      break;
    case PROC_EVENT_UID:
      if (!(r = stage_add(sg, EV_UID))) return 0;
      r[F_PID] = ev->event_data.id.process_tgid;
      r[F_UID] = (int32_t)ev->event_data.id.r.ruid; r[F_EUID] = (int32_t)ev->event_data.id.e.euid;
      break;
    default:
      return 0;
  }
  r[F_TIME_MS] = t;
  return 0;
}

static void *notifier_main(void *arg) {
  handle *h = arg;
  pthread_setname_np(pthread_self(), "xdr-proc-notify");
  for (;;) {
    uint64_t n;
    if (read(h->notify_fd, &n, sizeof n) < 0 && errno != EINTR) break;
    if (h->stopping) break;
    napi_call_threadsafe_function(h->tsfn, NULL, napi_tsfn_nonblocking);
  }
  return NULL;
}

static void *reader_main(void *arg) {
  handle *h = arg;
  pthread_setname_np(pthread_self(), "xdr-proc");
  if (h->rt_priority > 0) {
    // A short-lived program is gone within a millisecond of exec; unless this thread runs
    // before it does, its command line is lost. The thread does little work per event.
    struct sched_param sp = {.sched_priority = h->rt_priority};
    h->rt_ok = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0;
  }
  reader_mem *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  char (*bufs)[RECV_MSG_BYTES] = m->bufs;
  struct mmsghdr *msgs = m->msgs;
  struct iovec *iovs = m->iovs;
  exec_work *work = m->work;
  char *scratch = m->scratch;
  stage *sg = &m->sg;
  for (int i = 0; i < RECV_MSGS; i++) {
    iovs[i].iov_base = bufs[i]; iovs[i].iov_len = RECV_MSG_BYTES;
    msgs[i].msg_hdr.msg_iov = &iovs[i]; msgs[i].msg_hdr.msg_iovlen = 1;
  }
  struct pollfd fds[2] = {{.fd = h->sock, .events = POLLIN}, {.fd = h->stop_fd, .events = POLLIN}};
  double first_pending = 0;
  int timeout = IDLE_POLL_MS;
  for (;;) {
    int pr = poll(fds, 2, timeout);
    if (pr < 0) { if (errno == EINTR) continue; break; }
    if (fds[1].revents || h->stopping) break;
    if (pr == 0) { timeout = maybe_notify(h, &first_pending); continue; }
    for (;;) {
      int n = recvmmsg(h->sock, msgs, RECV_MSGS, MSG_DONTWAIT, NULL);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) break;
        if (errno == ENOBUFS) {
          // The kernel dropped messages; the count shows up as per-CPU sequence jumps.
          h->enobufs++;
          struct timespec rt; clock_gettime(CLOCK_REALTIME, &rt);
          push_gap(h, GAP_ENOBUFS, 0, rt.tv_sec * 1e3 + rt.tv_nsec / 1e6);
          continue;
        }
        goto out;
      }
      double offset = now_offset_ms();
      int nexec = 0;
      for (int i = 0; i < n; i++) {
        int len = (int)msgs[i].msg_len;
        for (struct nlmsghdr *nh = (struct nlmsghdr *)bufs[i]; NLMSG_OK(nh, (unsigned)len); nh = NLMSG_NEXT(nh, len)) {
          if (nh->nlmsg_type == NLMSG_NOOP || nh->nlmsg_type == NLMSG_ERROR) continue;
          if (nexec < RECV_MSGS && handle_msg(h, sg, (struct cn_msg *)NLMSG_DATA(nh), offset, &work[nexec])) {
            sg->exec_of[work[nexec].rec] = nexec;
            nexec++;
          }
        }
      }
      // Phase 1: command lines (and exe, cwd) of every exec of the chunk, oldest first, before
      // anything else; a command line that does not fit the scratch space left is cut.
      size_t used = 0;
      for (int i = 0; i < nexec; i++) {
        size_t room = SCRATCH_BYTES - used;
        read_volatile(&work[i], scratch + used, room < CMDLINE_MAX ? room : CMDLINE_MAX);
        used += work[i].cmd_len;
      }
      // Phase 2: what a zombie still has; then the chunk goes to the queue.
      for (int i = 0; i < nexec; i++) finish_exec(h, &work[i], sg->rec[work[i].rec]);
      if (sg->n) commit(h, sg, work, nexec);
      if (n < RECV_MSGS) break;
    }
    timeout = maybe_notify(h, &first_pending);
  }
out:
  free(m);
  return NULL;
}

static int send_op(int sock, enum proc_cn_mcast_op op) {
  char buf[NLMSG_SPACE(sizeof(struct cn_msg) + sizeof(enum proc_cn_mcast_op))] __attribute__((aligned(8)));
  memset(buf, 0, sizeof buf);
  struct nlmsghdr *nh = (struct nlmsghdr *)buf;
  nh->nlmsg_len = NLMSG_LENGTH(sizeof(struct cn_msg) + sizeof op);
  nh->nlmsg_type = NLMSG_DONE;
  nh->nlmsg_pid = 0;
  struct cn_msg *cn = NLMSG_DATA(nh);
  cn->id.idx = CN_IDX_PROC; cn->id.val = CN_VAL_PROC; cn->len = sizeof op;
  memcpy(cn->data, &op, sizeof op);
  return send(sock, nh, nh->nlmsg_len, 0) < 0 ? -1 : 0;
}

// ---- JS side -------------------------------------------------------------------------------

#define CHECK(call) do { if ((call) != napi_ok) { napi_throw_error(env, "XDR_NATIVE", #call " failed"); return NULL; } } while (0)

static void set_num(napi_env env, napi_value o, const char *k, double v) {
  napi_value x; napi_create_double(env, v, &x); napi_set_named_property(env, o, k, x);
}
static void set_str(napi_env env, napi_value o, const char *k, const char *s, size_t len) {
  napi_value x; napi_create_string_utf8(env, s, len, &x); napi_set_named_property(env, o, k, x);
}

static const char *kind_name(int k) {
  switch (k) { case EV_FORK: return "fork"; case EV_EXEC: return "exec"; case EV_EXIT: return "exit";
    case EV_UID: return "uid"; default: return "gap"; }
}
static const char *gap_name(int r) {
  switch (r) { case GAP_ENOBUFS: return "enobufs"; case GAP_SEQ: return "sequence"; default: return "queue"; }
}

// open(): one object per event, as before the packed form existed.
static napi_value to_objects(napi_env env, batch *b) {
  napi_value arr;
  napi_create_array_with_length(env, b->n, &arr);
  for (size_t i = 0; i < b->n; i++) {
    double *r = b->nums + i * NFIELDS;
    int kind = (int)r[F_KIND];
    napi_value o;
    napi_create_object(env, &o);
    set_str(env, o, "kind", kind_name(kind), NAPI_AUTO_LENGTH);
    set_num(env, o, "pid", r[F_PID]);
    set_num(env, o, "timeMs", r[F_TIME_MS]);
    switch (kind) {
      case EV_FORK:
        set_num(env, o, "ppid", r[F_PPID]); set_num(env, o, "startTicks", 0); break;
      case EV_EXEC:
        set_num(env, o, "ppid", r[F_PPID]); set_num(env, o, "startTicks", r[F_START_TICKS]);
        set_num(env, o, "uid", r[F_UID]); set_num(env, o, "euid", r[F_EUID]);
        if (r[F_CMD_LEN]) set_str(env, o, "cmdline", b->str + (size_t)r[F_CMD_OFF], (size_t)r[F_CMD_LEN]);
        if (r[F_EXE_LEN]) set_str(env, o, "exe", b->str + (size_t)r[F_EXE_OFF], (size_t)r[F_EXE_LEN]);
        if (r[F_CWD_LEN]) set_str(env, o, "cwd", b->str + (size_t)r[F_CWD_OFF], (size_t)r[F_CWD_LEN]);
        if (r[F_NAME_LEN]) set_str(env, o, "name", b->str + (size_t)r[F_NAME_OFF], (size_t)r[F_NAME_LEN]);
        if (r[F_EXE_INO]) {
          set_num(env, o, "exeDev", r[F_EXE_DEV]); set_num(env, o, "exeIno", r[F_EXE_INO]);
          set_num(env, o, "exeSize", r[F_EXE_SIZE]); set_num(env, o, "exeMtimeMs", r[F_EXE_MTIME_MS]);
        }
        set_num(env, o, "flags", r[F_FLAGS]);
        break;
      case EV_EXIT:
        set_num(env, o, "ppid", r[F_PPID]);
        set_num(env, o, "exitStatus", r[F_A]); set_num(env, o, "exitSignal", r[F_B]); break;
      case EV_UID:
        set_num(env, o, "uid", r[F_UID]); set_num(env, o, "euid", r[F_EUID]); break;
      case EV_GAP:
        set_str(env, o, "reason", gap_name((int)r[F_A]), NAPI_AUTO_LENGTH);
        set_num(env, o, "count", r[F_B]); break;
    }
    napi_set_element(env, arr, (uint32_t)i, o);
  }
  return arr;
}

static void call_js(napi_env env, napi_value cb, void *ctx, void *data) {
  handle *h = ctx;
  if (env == NULL || cb == NULL) return;  // torn down: finalize_handle frees the buffers
  pthread_mutex_lock(&h->mu);
  batch *b = &h->bufs[h->fill];
  h->fill ^= 1;
  h->scheduled = 0;
  pthread_mutex_unlock(&h->mu);
  // b is now this thread's until the next swap, which only this function makes.
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  if (b->n == 0) return;
  if (h->packed) {
    napi_value args[2], ab;
    void *data_out;
    size_t bytes = b->n * NFIELDS * sizeof(double);
    if (napi_create_arraybuffer(env, bytes, &data_out, &ab) == napi_ok) {
      memcpy(data_out, b->nums, bytes);
      napi_create_typedarray(env, napi_float64_array, b->n * NFIELDS, ab, 0, &args[0]);
      void *copy;
      napi_create_buffer_copy(env, b->str_len, b->str_len ? b->str : "", &copy, &args[1]);
      b->n = 0; b->str_len = 0;
      napi_call_function(env, undefined, cb, 2, args, NULL);
      return;
    }
  }
  napi_value arr = to_objects(env, b);
  b->n = 0; b->str_len = 0;
  napi_call_function(env, undefined, cb, 1, &arr, NULL);
}

static void join_reader(handle *h) {
  h->stopping = 1;
  uint64_t one = 1;
  if (write(h->stop_fd, &one, sizeof one) < 0) { /* the reader also looks at h->stopping */ }
  if (h->thread_started) pthread_join(h->thread, NULL);
  h->thread_started = 0;
  if (write(h->notify_fd, &one, sizeof one) < 0) { /* the notifier also looks at h->stopping */ }
  if (h->notifier_started) pthread_join(h->notifier, NULL);
  h->notifier_started = 0;
}

static void stop_handle(handle *h) {
  if (h->stopped) return;
  h->stopped = 1;
  join_reader(h);
  send_op(h->sock, PROC_CN_MCAST_IGNORE);
  close(h->sock); close(h->stop_fd); close(h->notify_fd);
  napi_release_threadsafe_function(h->tsfn, napi_tsfn_abort);
}

static void free_batches(handle *h) {
  for (int i = 0; i < 2; i++) { free(h->bufs[i].nums); free(h->bufs[i].str); }
}

static void finalize_handle(napi_env env, void *data, void *hint) {
  handle *h = data;
  // Only reached after stop() or when the environment is torn down.
  if (!h->stopped) {
    h->stopped = 1;
    join_reader(h);
    close(h->sock);
    close(h->stop_fd);
    close(h->notify_fd);
  }
  free_batches(h);
  pthread_mutex_destroy(&h->mu);
  free(h);
}

static napi_value get_handle(napi_env env, napi_callback_info info, handle **out) {
  size_t argc = 1; napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 1) { napi_throw_type_error(env, "XDR_NATIVE", "handle expected"); return NULL; }
  CHECK(napi_get_value_external(env, argv[0], (void **)out));
  return argv[0];
}

// Opens, binds and subscribes the socket and starts the reader thread. Throws with errno text
// when the socket cannot be opened, bound or subscribed (not root, no connector in this kernel).
static napi_value open_common(napi_env env, napi_callback_info info, int packed) {
  size_t argc = 4; napi_value argv[4];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 4) { napi_throw_type_error(env, "XDR_NATIVE", "open(callback, queueMax, rcvbufBytes, rtPriority)"); return NULL; }
  int64_t queue_max = 0, rcvbuf = 0, rt_priority = 0;
  CHECK(napi_get_value_int64(env, argv[3], &rt_priority));
  CHECK(napi_get_value_int64(env, argv[1], &queue_max));
  CHECK(napi_get_value_int64(env, argv[2], &rcvbuf));

  int sock = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
  if (sock < 0) { char m[128]; snprintf(m, sizeof m, "socket(NETLINK_CONNECTOR): %s", strerror(errno)); napi_throw_error(env, "XDR_NETLINK_SOCKET", m); return NULL; }
  int size = (int)rcvbuf;
  if (setsockopt(sock, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0)
    setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
  int actual = 0; socklen_t alen = sizeof actual;
  getsockopt(sock, SOL_SOCKET, SO_RCVBUF, &actual, &alen);
  struct sockaddr_nl sa = {.nl_family = AF_NETLINK, .nl_groups = CN_IDX_PROC, .nl_pid = 0};
  if (bind(sock, (struct sockaddr *)&sa, sizeof sa) < 0) {
    char m[128]; snprintf(m, sizeof m, "bind(CN_IDX_PROC): %s", strerror(errno)); close(sock);
    napi_throw_error(env, "XDR_NETLINK_BIND", m); return NULL;
  }
  if (send_op(sock, PROC_CN_MCAST_LISTEN) < 0) {
    char m[128]; snprintf(m, sizeof m, "PROC_CN_MCAST_LISTEN: %s", strerror(errno)); close(sock);
    napi_throw_error(env, "XDR_NETLINK_LISTEN", m); return NULL;
  }
  handle *h = calloc(1, sizeof *h);
  if (!h) { close(sock); napi_throw_error(env, "XDR_NATIVE", "out of memory"); return NULL; }
  h->sock = sock; h->queue_max = (size_t)(queue_max > 0 ? queue_max : 65536); h->rcvbuf = actual;
  h->rt_priority = (int)rt_priority;
  h->packed = packed;
  h->stop_fd = eventfd(0, EFD_CLOEXEC);
  h->notify_fd = eventfd(0, EFD_CLOEXEC);
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_INHERIT);
  pthread_mutex_init(&h->mu, &ma);
  pthread_mutexattr_destroy(&ma);
  napi_value name;
  napi_create_string_utf8(env, "xdr_proc", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, argv[0], NULL, name, 0, 1, NULL, NULL, h, call_js, &h->tsfn) != napi_ok) {
    close(sock); close(h->stop_fd); close(h->notify_fd); pthread_mutex_destroy(&h->mu); free(h); napi_throw_error(env, "XDR_NATIVE", "threadsafe function"); return NULL;
  }
  // The reader thread must not keep the event loop alive on its own.
  napi_unref_threadsafe_function(env, h->tsfn);
  if (pthread_create(&h->notifier, NULL, notifier_main, h) != 0) {
    close(sock); close(h->stop_fd); close(h->notify_fd); napi_release_threadsafe_function(h->tsfn, napi_tsfn_abort); pthread_mutex_destroy(&h->mu); free(h);
    napi_throw_error(env, "XDR_NATIVE", "pthread_create failed"); return NULL;
  }
  h->notifier_started = 1;
  if (pthread_create(&h->thread, NULL, reader_main, h) != 0) {
    h->stopping = 1;
    uint64_t one = 1;
    if (write(h->notify_fd, &one, sizeof one) < 0) { /* joined below either way */ }
    pthread_join(h->notifier, NULL);
    close(sock); close(h->stop_fd); close(h->notify_fd); napi_release_threadsafe_function(h->tsfn, napi_tsfn_abort); pthread_mutex_destroy(&h->mu); free(h);
    napi_throw_error(env, "XDR_NATIVE", "pthread_create failed"); return NULL;
  }
  h->thread_started = 1;
  napi_value ext;
  CHECK(napi_create_external(env, h, finalize_handle, NULL, &ext));
  return ext;
}

// open(callback(events[]), queueMax, rcvbufBytes, rtPriority) -> handle; rtPriority > 0 asks
// for SCHED_FIFO. One object per event.
static napi_value js_open(napi_env env, napi_callback_info info) { return open_common(env, info, 0); }

// openPacked(callback(records: Float64Array, strings: Buffer), ...) -> handle: the same events,
// RECORD_FIELDS numbers per record, strings as offsets into the buffer (see native-batch.ts).
static napi_value js_open_packed(napi_env env, napi_callback_info info) { return open_common(env, info, 1); }

static napi_value js_close(napi_env env, napi_callback_info info) {
  handle *h;
  if (!get_handle(env, info, &h)) return NULL;
  stop_handle(h);
  return NULL;
}

static napi_value js_stats(napi_env env, napi_callback_info info) {
  handle *h;
  if (!get_handle(env, info, &h)) return NULL;
  pthread_mutex_lock(&h->mu);
  double v[] = {
    (double)h->received, (double)h->enobufs, (double)h->seq_lost, (double)h->dropped_queue,
    (double)h->bufs[h->fill].n, (double)h->rcvbuf, h->rt_ok ? h->rt_priority : 0,
    (double)h->execs, (double)h->exec_exited, (double)h->exec_reaped, (double)h->delay_over_1ms, (double)h->delay_max_us,
    (double)h->slow_reads, (double)h->slow_read_max_us,
  };
  pthread_mutex_unlock(&h->mu);
  static const char *names[] = {
    "received", "enobufs", "seqLost", "queueDropped", "queued", "rcvbuf", "realtime",
    "execs", "execExited", "execReaped", "execReadOver1ms", "execReadMaxUs", "slowReads", "slowReadMaxUs",
  };
  napi_value o;
  napi_create_object(env, &o);
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) set_num(env, o, names[i], v[i]);
  return o;
}

static napi_value js_clock_ticks(napi_env env, napi_callback_info info) {
  napi_value v; napi_create_double(env, (double)sysconf(_SC_CLK_TCK), &v); return v;
}

NAPI_MODULE_INIT() {
  napi_value fields;
  napi_create_uint32(env, NFIELDS, &fields);
  napi_property_descriptor props[] = {
    {"open", NULL, js_open, NULL, NULL, NULL, napi_default, NULL},
    {"openPacked", NULL, js_open_packed, NULL, NULL, NULL, napi_default, NULL},
    {"close", NULL, js_close, NULL, NULL, NULL, napi_default, NULL},
    {"stats", NULL, js_stats, NULL, NULL, NULL, napi_default, NULL},
    {"clockTicks", NULL, js_clock_ticks, NULL, NULL, NULL, napi_default, NULL},
    {"RECORD_FIELDS", NULL, NULL, NULL, NULL, fields, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof *props, props);
  return exports;
}
