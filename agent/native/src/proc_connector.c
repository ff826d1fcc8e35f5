// Kernel process events (netlink process connector) for the agent's process sensor.
//
// One native thread per handle reads fork/exec/exit/uid events from a NETLINK_CONNECTOR socket
// subscribed to CN_IDX_PROC. On exec it reads /proc/PID/{cmdline,exe,cwd,status,stat} at once,
// before a short-lived process can vanish. Events go to JS in batches through one threadsafe
// function over a bounded queue; whatever cannot be delivered (kernel ENOBUFS, per-CPU sequence
// jumps, a full queue) becomes an in-band "gap" event with a count, never a silent loss.
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
#define BATCH_MS 10
#define BATCH_MAX 512

enum ev_kind { EV_FORK = 1, EV_EXEC, EV_EXIT, EV_UID, EV_GAP };
enum gap_reason { GAP_ENOBUFS = 1, GAP_SEQ, GAP_QUEUE };

typedef struct event {
  struct event *next;
  int kind;
  uint32_t pid, ppid;
  double time_ms;
  uint64_t start_ticks;  // /proc/PID/stat starttime, 0 when unknown
  // exec
  char *cmdline; size_t cmdline_len;
  char *exe, *cwd, *name;
  int32_t uid, euid;     // -1 when unknown
  double exe_dev, exe_ino, exe_size, exe_mtime_ms;  // exe_ino 0 when unknown
  // exit
  int32_t exit_status; int32_t exit_signal;
  // gap
  int gap_reason; double gap_count;
} event;

typedef struct {
  int sock, stop_fd;
  pthread_t thread;
  int thread_started;
  napi_threadsafe_function tsfn;
  pthread_mutex_t mu;
  event *head, *tail;
  size_t queued, queue_max;
  int scheduled;
  uint64_t dropped_queue, dropped_queue_reported;
  uint64_t received, enobufs, seq_lost;
  uint32_t last_seq[MAX_CPUS];
  uint8_t seen_cpu[MAX_CPUS];
  int rcvbuf;
  int stopped;
  int rt_priority, rt_ok;
} handle;

static double now_offset_ms(void) {
  struct timespec rt, mono;
  clock_gettime(CLOCK_REALTIME, &rt);
  clock_gettime(CLOCK_MONOTONIC, &mono);
  return (rt.tv_sec - mono.tv_sec) * 1e3 + (rt.tv_nsec - mono.tv_nsec) / 1e6;
}

static ssize_t read_file(const char *path, char *buf, size_t cap) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  size_t got = 0;
  while (got < cap) {
    ssize_t n = read(fd, buf + got, cap - got);
    if (n < 0) { if (errno == EINTR) continue; close(fd); return -1; }
    if (n == 0) break;
    got += (size_t)n;
  }
  close(fd);
  return (ssize_t)got;
}

static char *read_link(const char *path) {
  char buf[PATH_MAX];
  ssize_t n = readlink(path, buf, sizeof buf - 1);
  if (n < 0) return NULL;
  return strndup(buf, (size_t)n);
}

// starttime is field 22 of /proc/PID/stat; comm (field 2) may hold spaces and parens, so count
// from the last ')'.
static uint64_t read_start_ticks(uint32_t pid) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%u/stat", pid);
  ssize_t n = read_file(path, buf, sizeof buf - 1);
  if (n <= 0) return 0;
  buf[n] = 0;
  char *p = strrchr(buf, ')');
  if (!p) return 0;
  p += 2;  // field 3
  for (int field = 3; field < 22 && *p; p++) if (*p == ' ') field++;
  return strtoull(p, NULL, 10);
}

// Order matters: a short-lived program can exit within microseconds of exec, and a zombie has
// no cmdline or exe any more, so the command line is read first.
static void read_exec_details(event *e) {
  char path[64], buf[4096];
  snprintf(path, sizeof path, "/proc/%u/cmdline", e->pid);
  char *cmd = malloc(CMDLINE_MAX);
  if (cmd) {
    ssize_t n = read_file(path, cmd, CMDLINE_MAX);
    if (n > 0) { e->cmdline = cmd; e->cmdline_len = (size_t)n; } else free(cmd);
  }
  snprintf(path, sizeof path, "/proc/%u/exe", e->pid);
  e->exe = read_link(path);
  struct stat st;
  if (e->exe && stat(path, &st) == 0) {
    e->exe_dev = (double)st.st_dev; e->exe_ino = (double)st.st_ino; e->exe_size = (double)st.st_size;
    e->exe_mtime_ms = st.st_mtim.tv_sec * 1e3 + st.st_mtim.tv_nsec / 1e6;
  }
  snprintf(path, sizeof path, "/proc/%u/cwd", e->pid);
  e->cwd = read_link(path);
  snprintf(path, sizeof path, "/proc/%u/status", e->pid);
  ssize_t n = read_file(path, buf, sizeof buf - 1);
  if (n > 0) {
    buf[n] = 0;
    for (char *line = buf; line && *line;) {
      char *nl = strchr(line, '\n');
      if (nl) *nl = 0;
      if (!strncmp(line, "Name:\t", 6)) e->name = strdup(line + 6);
      else if (!strncmp(line, "PPid:\t", 6)) e->ppid = (uint32_t)strtoul(line + 6, NULL, 10);
      else if (!strncmp(line, "Uid:\t", 5)) {
        char *end;
        e->uid = (int32_t)strtol(line + 5, &end, 10);
        e->euid = (int32_t)strtol(end, NULL, 10);
        break;  // Name, PPid and Uid come first; the rest is not needed
      }
      line = nl ? nl + 1 : NULL;
    }
  }
  e->start_ticks = read_start_ticks(e->pid);
}

static void free_event(event *e) {
  free(e->cmdline); free(e->exe); free(e->cwd); free(e->name); free(e);
}

static event *new_event(int kind) {
  event *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  e->kind = kind; e->uid = -1; e->euid = -1;
  return e;
}

// Called on the native thread. Takes ownership of e.
static void enqueue(handle *h, event *e) {
  int notify = 0;
  pthread_mutex_lock(&h->mu);
  if (h->queued >= h->queue_max && e->kind != EV_GAP) {
    h->dropped_queue++;
    pthread_mutex_unlock(&h->mu);
    free_event(e);
    return;
  }
  if (h->dropped_queue > h->dropped_queue_reported && e->kind != EV_GAP) {
    event *g = new_event(EV_GAP);
    if (g) {
      g->gap_reason = GAP_QUEUE;
      g->gap_count = (double)(h->dropped_queue - h->dropped_queue_reported);
      g->time_ms = e->time_ms;
      h->dropped_queue_reported = h->dropped_queue;
      if (h->tail) h->tail->next = g; else h->head = g;
      h->tail = g; h->queued++;
    }
  }
  if (h->tail) h->tail->next = e; else h->head = e;
  h->tail = e; h->queued++;
  if (!h->scheduled && h->queued >= BATCH_MAX) { h->scheduled = 1; notify = 1; }
  pthread_mutex_unlock(&h->mu);
  if (notify) napi_call_threadsafe_function(h->tsfn, NULL, napi_tsfn_nonblocking);
}

// Wakes JS at most once per BATCH_MS (or at BATCH_MAX events): one call per batch, not per event.
// Returns the poll timeout until the next flush is due (-1: nothing pending).
static int maybe_notify(handle *h, double *first_pending) {
  struct timespec m;
  clock_gettime(CLOCK_MONOTONIC, &m);
  double now = m.tv_sec * 1e3 + m.tv_nsec / 1e6;
  int notify = 0, timeout = -1;
  pthread_mutex_lock(&h->mu);
  if (h->queued == 0) {
    *first_pending = 0;
  } else if (h->scheduled) {
    // JS has not drained yet; look again so events queued after its drain are not left waiting.
    *first_pending = 0;
    timeout = BATCH_MS;
  } else {
    if (*first_pending == 0) *first_pending = now;
    if (now - *first_pending >= BATCH_MS) { h->scheduled = 1; notify = 1; *first_pending = 0; }
    else timeout = (int)(BATCH_MS - (now - *first_pending)) + 1;
  }
  pthread_mutex_unlock(&h->mu);
  if (notify) napi_call_threadsafe_function(h->tsfn, NULL, napi_tsfn_nonblocking);
  return timeout;
}

static void push_gap(handle *h, int reason, double count, double time_ms) {
  event *g = new_event(EV_GAP);
  if (!g) return;
  g->gap_reason = reason; g->gap_count = count; g->time_ms = time_ms;
  enqueue(h, g);
}

static void handle_msg(handle *h, struct cn_msg *cn, double offset) {
  if (cn->id.idx != CN_IDX_PROC || cn->id.val != CN_VAL_PROC) return;
  struct proc_event *ev = (struct proc_event *)cn->data;
  if (ev->what == PROC_EVENT_NONE) return;
  double t = (double)ev->timestamp_ns / 1e6 + offset;
  h->received++;
  if (ev->cpu < MAX_CPUS) {
    if (h->seen_cpu[ev->cpu]) {
      uint32_t gap = cn->seq - h->last_seq[ev->cpu] - 1;
      if (gap > 0 && gap < 0x80000000u) { h->seq_lost += gap; push_gap(h, GAP_SEQ, gap, t); }
    }
    h->seen_cpu[ev->cpu] = 1;
    h->last_seq[ev->cpu] = cn->seq;
  }
  event *e = NULL;
  switch (ev->what) {
    case PROC_EVENT_FORK:
      if (ev->event_data.fork.child_pid != ev->event_data.fork.child_tgid) return;  // a thread
      if (!(e = new_event(EV_FORK))) return;
      e->pid = ev->event_data.fork.child_tgid;
      e->ppid = ev->event_data.fork.parent_tgid;
      // start time is read by JS (or at exec): nothing may delay the read of the exec that follows
      break;
    case PROC_EVENT_EXEC:
      if (!(e = new_event(EV_EXEC))) return;
      e->pid = ev->event_data.exec.process_tgid;
      read_exec_details(e);
      break;
    case PROC_EVENT_EXIT:
      if (ev->event_data.exit.process_pid != ev->event_data.exit.process_tgid) return;
      if (!(e = new_event(EV_EXIT))) return;
      e->pid = ev->event_data.exit.process_tgid;
      e->ppid = ev->event_data.exit.parent_tgid;
      e->exit_status = (int32_t)ev->event_data.exit.exit_code;
      e->exit_signal = (int32_t)ev->event_data.exit.exit_signal;
      break;
    case PROC_EVENT_UID:
      if (!(e = new_event(EV_UID))) return;
      e->pid = ev->event_data.id.process_tgid;
      e->uid = (int32_t)ev->event_data.id.r.ruid;
      e->euid = (int32_t)ev->event_data.id.e.euid;
      break;
    default:
      return;
  }
  e->time_ms = t;
  enqueue(h, e);
}

static void *reader_main(void *arg) {
  handle *h = arg;
  if (h->rt_priority > 0) {
    // A short-lived program is gone within a millisecond of exec; unless this thread runs
    // before it does, its command line is lost. The thread does little work per event.
    struct sched_param sp = {.sched_priority = h->rt_priority};
    h->rt_ok = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0;
  }
  static __thread char buf[1 << 16] __attribute__((aligned(8)));
  struct pollfd fds[2] = {{.fd = h->sock, .events = POLLIN}, {.fd = h->stop_fd, .events = POLLIN}};
  double first_pending = 0;
  int timeout = -1;
  for (;;) {
    int pr = poll(fds, 2, timeout);
    if (pr < 0) { if (errno == EINTR) continue; break; }
    if (fds[1].revents) break;
    if (pr == 0) { timeout = maybe_notify(h, &first_pending); continue; }
    double offset = now_offset_ms();
    for (;;) {
      ssize_t n = recv(h->sock, buf, sizeof buf, MSG_DONTWAIT);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) { timeout = maybe_notify(h, &first_pending); break; }
        if (errno == ENOBUFS) {
          // The kernel dropped messages; the count shows up as per-CPU sequence jumps.
          h->enobufs++;
          struct timespec rt; clock_gettime(CLOCK_REALTIME, &rt);
          push_gap(h, GAP_ENOBUFS, 0, rt.tv_sec * 1e3 + rt.tv_nsec / 1e6);
          continue;
        }
        goto out;
      }
      for (struct nlmsghdr *nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, (unsigned)n); nh = NLMSG_NEXT(nh, n)) {
        if (nh->nlmsg_type == NLMSG_NOOP || nh->nlmsg_type == NLMSG_ERROR) continue;
        handle_msg(h, (struct cn_msg *)NLMSG_DATA(nh), offset);
      }
    }
  }
out:
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

static void call_js(napi_env env, napi_value cb, void *ctx, void *data) {
  handle *h = ctx;
  if (env == NULL || cb == NULL) return;  // torn down: finalize_handle frees what is queued
  pthread_mutex_lock(&h->mu);
  event *e = h->head;
  size_t count = h->queued;
  h->head = h->tail = NULL; h->queued = 0; h->scheduled = 0;
  pthread_mutex_unlock(&h->mu);
  napi_value arr;
  napi_create_array_with_length(env, count, &arr);
  uint32_t i = 0;
  while (e) {
    napi_value o;
    napi_create_object(env, &o);
    set_str(env, o, "kind", kind_name(e->kind), NAPI_AUTO_LENGTH);
    set_num(env, o, "pid", e->pid);
    set_num(env, o, "timeMs", e->time_ms);
    switch (e->kind) {
      case EV_FORK:
        set_num(env, o, "ppid", e->ppid); set_num(env, o, "startTicks", (double)e->start_ticks); break;
      case EV_EXEC:
        set_num(env, o, "ppid", e->ppid); set_num(env, o, "startTicks", (double)e->start_ticks);
        set_num(env, o, "uid", e->uid); set_num(env, o, "euid", e->euid);
        if (e->cmdline) set_str(env, o, "cmdline", e->cmdline, e->cmdline_len);
        if (e->exe) set_str(env, o, "exe", e->exe, NAPI_AUTO_LENGTH);
        if (e->cwd) set_str(env, o, "cwd", e->cwd, NAPI_AUTO_LENGTH);
        if (e->name) set_str(env, o, "name", e->name, NAPI_AUTO_LENGTH);
        if (e->exe_ino) {
          set_num(env, o, "exeDev", e->exe_dev); set_num(env, o, "exeIno", e->exe_ino);
          set_num(env, o, "exeSize", e->exe_size); set_num(env, o, "exeMtimeMs", e->exe_mtime_ms);
        }
        break;
      case EV_EXIT:
        set_num(env, o, "ppid", e->ppid);
        set_num(env, o, "exitStatus", e->exit_status); set_num(env, o, "exitSignal", e->exit_signal); break;
      case EV_UID:
        set_num(env, o, "uid", e->uid); set_num(env, o, "euid", e->euid); break;
      case EV_GAP:
        set_str(env, o, "reason", gap_name(e->gap_reason), NAPI_AUTO_LENGTH);
        set_num(env, o, "count", e->gap_count); break;
    }
    napi_set_element(env, arr, i++, o);
    event *n = e->next; free_event(e); e = n;
  }
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  napi_call_function(env, undefined, cb, 1, &arr, NULL);
}

static void stop_handle(handle *h) {
  if (h->stopped) return;
  h->stopped = 1;
  uint64_t one = 1;
  if (write(h->stop_fd, &one, sizeof one) < 0) { /* thread also exits when the socket closes */ }
  if (h->thread_started) pthread_join(h->thread, NULL);
  send_op(h->sock, PROC_CN_MCAST_IGNORE);
  close(h->sock); close(h->stop_fd);
  napi_release_threadsafe_function(h->tsfn, napi_tsfn_abort);
}

static void finalize_handle(napi_env env, void *data, void *hint) {
  handle *h = data;
  // Only reached after stop() or when the environment is torn down.
  if (!h->stopped) {
    h->stopped = 1;
    uint64_t one = 1;
    if (write(h->stop_fd, &one, sizeof one) < 0) { /* nothing more to do */ }
    if (h->thread_started) pthread_join(h->thread, NULL);
    close(h->sock);
    close(h->stop_fd);
  }
  event *e = h->head;
  while (e) { event *n = e->next; free_event(e); e = n; }
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

// open(callback, queueMax, rcvbufBytes, rtPriority) -> handle; rtPriority > 0 asks for SCHED_FIFO. Throws with errno text when the socket cannot
// be opened, bound or subscribed (not root, no connector in this kernel, ...).
static napi_value js_open(napi_env env, napi_callback_info info) {
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
  h->stop_fd = eventfd(0, EFD_CLOEXEC);
  pthread_mutex_init(&h->mu, NULL);
  napi_value name;
  napi_create_string_utf8(env, "xdr_proc", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, argv[0], NULL, name, 0, 1, NULL, NULL, h, call_js, &h->tsfn) != napi_ok) {
    close(sock); close(h->stop_fd); free(h); napi_throw_error(env, "XDR_NATIVE", "threadsafe function"); return NULL;
  }
  // The reader thread must not keep the event loop alive on its own.
  napi_unref_threadsafe_function(env, h->tsfn);
  if (pthread_create(&h->thread, NULL, reader_main, h) != 0) {
    close(sock); close(h->stop_fd); napi_release_threadsafe_function(h->tsfn, napi_tsfn_abort); free(h);
    napi_throw_error(env, "XDR_NATIVE", "pthread_create failed"); return NULL;
  }
  h->thread_started = 1;
  napi_value ext;
  CHECK(napi_create_external(env, h, finalize_handle, NULL, &ext));
  return ext;
}

static napi_value js_close(napi_env env, napi_callback_info info) {
  handle *h;
  if (!get_handle(env, info, &h)) return NULL;
  stop_handle(h);
  return NULL;
}

static napi_value js_stats(napi_env env, napi_callback_info info) {
  handle *h;
  if (!get_handle(env, info, &h)) return NULL;
  napi_value o;
  napi_create_object(env, &o);
  pthread_mutex_lock(&h->mu);
  set_num(env, o, "received", (double)h->received);
  set_num(env, o, "enobufs", (double)h->enobufs);
  set_num(env, o, "seqLost", (double)h->seq_lost);
  set_num(env, o, "queueDropped", (double)h->dropped_queue);
  set_num(env, o, "queued", (double)h->queued);
  set_num(env, o, "rcvbuf", (double)h->rcvbuf);
  set_num(env, o, "realtime", h->rt_ok ? h->rt_priority : 0);
  pthread_mutex_unlock(&h->mu);
  return o;
}

static napi_value js_clock_ticks(napi_env env, napi_callback_info info) {
  napi_value v; napi_create_double(env, (double)sysconf(_SC_CLK_TCK), &v); return v;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
    {"open", NULL, js_open, NULL, NULL, NULL, napi_default, NULL},
    {"close", NULL, js_close, NULL, NULL, NULL, napi_default, NULL},
    {"stats", NULL, js_stats, NULL, NULL, NULL, napi_default, NULL},
    {"clockTicks", NULL, js_clock_ticks, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof *props, props);
  return exports;
}
