// Kernel process events (netlink process connector) for the agent's process sensor.
//
// Per handle, one receiver thread takes fork/exec/exit/uid events from a NETLINK_CONNECTOR socket
// subscribed to CN_IDX_PROC and reads /proc only for an exec on its own CPU (see below); a small
// pool of reader threads reads each exec's /proc/PID/{cmdline,exe,cwd} (command lines first) and
// then its stat, before a
// short-lived process can vanish. Reading a command line takes the target's mmap lock, which a
// target preempted inside mmap can hold for many milliseconds: with one reader, every exec behind
// that one would exit unread; with a pool, the others are read meanwhile. Records still reach JS
// in the kernel's order (an exit never overtakes its exec): they wait in a bounded pending ring
// until every older exec is read, and an exec whose read has not returned within STUCK_MS (or
// when the ring or the exec slots run out) is handed on without it, flagged and counted.
// Events go to JS in batches (one call per batch, as packed numbers plus one string buffer)
// through one threadsafe function over a bounded queue; whatever cannot be delivered (kernel
// ENOBUFS, per-CPU sequence jumps, a full ring or queue) becomes an in-band "gap" record with a
// count, never a silent loss. An exec whose process had already exited when it was read is
// flagged, so JS can count it. The threads (SCHED_FIFO when allowed) wait on nothing a normal
// thread may hold: the handle's lock inherits priority, an idle reader is woken through its own
// semaphore (the first one on the receiver's CPU, see wake_readers), and JS is woken by a notifier
// thread (Node's threadsafe-function lock is not priority-inheriting).
//
// A realtime thread woken for an exec runs, on this non-preemptible kind of kernel, only when the
// task on its CPU next leaves the kernel: on a busy CPU that took up to 4.6 ms, and /bin/true lives
// under 1 ms. But a task that execs cannot return to user space before the realtime thread woken
// on its own CPU has run. So with two CPUs or more there is a second socket that carries only exec
// events (see open_exec_socket) and an exec thread on the CPUs the receiver does not use; the exec
// event says which CPU it came from, and the thread on that CPU reads it at once: the receiver
// itself (one per chunk), or the exec thread, which also takes an exec of its CPU still waiting for
// a reader. The rest go to the pool as before. Each exec is read once: slots are found by (pid,
// event time) in an index (see exec_claim).
#define _GNU_SOURCE
#include <node_api.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
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
#include <linux/filter.h>
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
// How often an idle receiver looks at the stop flag (the socket has no other way to wake it).
#define IDLE_POLL_MS 250
// Reader threads per handle: how many targets may hold our reads on their mmap lock at once
// before the others wait again. On a loaded 2-CPU host stalls of up to 341 ms were measured, with
// 4 readers stuck at once for up to 48 ms; an idle reader costs a sleeping thread.
#define READERS 8
// Records between the socket and the batch (the pending ring), and execs between their event and
// their commit (being read, or read and waiting for an older one). At 1,000 execs/s (three
// records each) a read stuck for STUCK_MS holds about 3,000 records and 1,000 execs back.
#define PENDING_MAX 8192
#define SLOT_BITS 11
#define SLOTS_MAX (1 << SLOT_BITS)
// How long an unread exec may hold back the records after it; then it is committed without its
// command line (EXEC_STUCK), counted, and its reader's late result is dropped.
#define STUCK_MS 1000
// An exec slot keeps a string buffer up to this size for the next exec; a bigger one is freed.
#define SLOT_TEXT_KEEP 4096
#define READER_STACK (256 * 1024)
// The exec thread leaves this many exec slots to the receiver.
#define EXEC_THREAD_RESERVE 256
// An exec the exec thread read but the receiver never queued (its message lost on the receiver's
// socket) is dropped after this long and counted (orphanReads).
#define ORPHAN_MS (2 * STUCK_MS)
// The (pid, event time) -> exec slot index: a power of two at least twice SLOTS_MAX.
#define INDEX_SIZE 4096
// Kernels since 6.6 filter by event type per socket (struct proc_input); older ones ignore a
// subscription of this size (the socket still gets the group's messages; see open_exec_socket).
#define PROC_EXEC_ONLY 0x00000002u
struct proc_input_v2 { uint32_t mcast_op; uint32_t event_type; };

enum ev_kind { EV_FORK = 1, EV_EXEC, EV_EXIT, EV_UID, EV_GAP };
enum gap_reason { GAP_ENOBUFS = 1, GAP_SEQ, GAP_QUEUE };

// Flags of an exec record.
#define EXEC_EXITED 1    // no cmdline: the process had exited (zombie) when it was read
#define EXEC_REAPED 2    // no cmdline: it was gone from /proc entirely (nothing but its pid)
#define EXEC_SETID 4     // the executable is set-user-ID or set-group-ID (uid/euid read from status)
#define EXEC_EMPTY_ARGS 8  // alive, but /proc/PID/cmdline was empty (argv[0] missing or cleared)
#define EXEC_STUCK 16    // no cmdline: its read had not returned within STUCK_MS (or the ring was full)

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

// Records and their strings, appended by the committing thread and handed to JS whole. The two
// buffers of a handle swap under the lock: committers only ever write the one the handle fills
// and JS only reads the one it took, and all memory is (re)allocated by the native threads.
typedef struct {
  double *nums; size_t n, cap;
  char *str; size_t str_len, str_cap;
} batch;

// Where an exec is between its event and its commit.
enum slot_state {
  SLOT_FREE,
  SLOT_QUEUED,     // waiting for a reader (read queue)
  SLOT_READING,    // a reader is reading its cmdline, exe and cwd
  SLOT_READ,       // read, waiting for a reader to finish it (finish queue)
  SLOT_FINISHING,  // a reader is reading its stat
  SLOT_DONE,       // complete, waiting for the older records to be committed
  SLOT_ABANDONED,  // committed without waiting any longer; its reader frees it when it gets back
};

// One exec in flight. Its record and strings are written only under the handle's lock or by the
// one reader that holds it (READING, FINISHING), and read by committers only in other states.
typedef struct {
  double r[NFIELDS];  // kind, pid and time from the receiver; the rest from the readers
  double event_ns;    // the kernel's timestamp (CLOCK_MONOTONIC)
  double received_ns; // when the receiver took it from the socket
  double queued_ms;   // monotonic; STUCK_MS runs from here
  uint64_t seq;       // order among execs
  int state;
  char *text; size_t text_cap;  // cmdline, exe, cwd and comm, back to back
  size_t cmd_len, exe_len, cwd_len, comm_len;
  int exe_readable;
  uint32_t gen;  // changes when the slot is freed or the exec thread takes it from the read queue
  int linked;   // in the pending ring; a slot the exec thread opened is not until the receiver sees its exec
  int indexed;  // findable by (pid, event time)
} exec_slot;

// A record between the socket and the batch; an exec's record lives in its slot.
typedef struct {
  double rec[NFIELDS];
  int slot;  // exec slot, or -1
} pending;

// A FIFO of slots, each entry tagged with the slot's generation: an entry whose slot has changed
// since (freed, or taken by the exec thread) is stale and skipped. A slot has at most one live entry,
// so a full queue is compacted to at most SLOTS_MAX entries.
#define QUEUE_MAX (2 * SLOTS_MAX)
typedef struct {
  uint32_t items[QUEUE_MAX];
  uint32_t head, tail;
} slot_queue;

typedef struct {
  int sock, stop_fd;
  pthread_t thread;
  int thread_started;
  pthread_t readers[READERS];
  int readers_started;
  // An idle reader waits on its own semaphore: the receiver wakes it on the CPU the receiver runs
  // on (see wake_readers).
  sem_t wake[READERS];
  int wake_ready;
  cpu_set_t cpus;  // where the handle's threads may run (the opener's affinity)
  // Wakes JS for the native threads: napi_call_threadsafe_function takes Node's own (not
  // priority-inheriting) lock, which a preempted JS thread may hold; the realtime threads must
  // never wait on it, so they only write this eventfd and a normal-priority thread makes the call.
  int notify_fd;
  pthread_t notifier;
  int notifier_started;
  napi_threadsafe_function tsfn;
  int packed;  // openPacked (numbers + buffer) or open (one object per event)
  pthread_mutex_t mu;  // priority-inheriting: a realtime thread must not wait on a preempted JS thread
  // -- under mu --
  batch bufs[2];
  int fill;  // index of the buffer committers append to
  size_t queue_max;
  int scheduled;
  pending *ring; uint64_t ring_head, ring_tail;  // committed up to head, received up to tail
  exec_slot *slots;
  int *free_slots; int nfree;
  slot_queue read_q, finish_q;
  uint64_t exec_seq;
  uint64_t reading_seq[READERS + 2];  // the exec each reader, the exec thread and the receiver is reading, or 0
  int32_t *index;  // (pid, event time) -> slot, open addressing; -1 is empty
  double last_exec_ns;  // the newest exec the receiver has queued
  int unlinked;  // slots the exec thread opened that the receiver has not linked yet
  double orphan_scan_ms;
  int idle[READERS], nidle;  // readers waiting for work
  uint64_t dropped_queue, dropped_queue_reported;
  uint64_t dropped_ring, dropped_ring_reported;
  uint64_t received, enobufs, seq_lost, execs, exec_exited, exec_reaped, delay_over_1ms, delay_max_us;
  uint64_t slow_reads, slow_read_max_us;  // command line reads that took over 1 ms (a busy target)
  // The exec-to-read delay in two parts: event to receiver, receiver to reader.
  uint64_t receive_over_1ms, receive_max_us, handoff_over_1ms, handoff_max_us;
  uint64_t out_of_order;   // reads that completed while an older exec's read was still going
  uint64_t stuck, late_reads, unfinished;  // see commit_ready
  uint64_t pending_max, read_queue_max, readers_busy_max;
  int rt_readers;  // readers running SCHED_FIFO
  // The exec thread's: execs it opened (seen before the receiver), took from the read queue, found
  // taken, could not take (no slot), and read for an exec the receiver never saw; messages other
  // than exec on its socket, and overflows of that socket.
  uint64_t xt_opened, xt_took, xt_skipped, xt_no_slot, orphan_reads, exec_sock_other, exec_sock_enobufs;
  uint64_t receiver_reads;  // execs the receiver read itself
  uint64_t reader_reads;  // execs the pool read
  // The exec thread: its socket (exec events only), where it and the receiver may run (see
  // split_cpus), and where each reader is pinned now.
  int exec_sock;
  pthread_t exec_thread;
  int exec_thread_started;
  cpu_set_t receiver_cpus, exec_cpus;
  int reader_cpu[READERS];  // the CPU a reader is pinned to, or -1 (all of h->cpus)
  // -- the receiver's own --
  uint32_t last_seq[MAX_CPUS];
  uint8_t seen_cpu[MAX_CPUS];
  int rcvbuf;
  volatile int stopping;
  int stopped;
  int rt_priority, rt_ok;
} handle;

// The records of one chunk of messages, built without the lock and queued in one go, in the
// order the kernel sent them.
#define STAGE_MAX (2 * RECV_MSGS + 2)
typedef struct {
  double rec[STAGE_MAX][NFIELDS];
  double event_ns[STAGE_MAX];  // execs only
  uint32_t cpu[STAGE_MAX];     // execs only: the CPU the process exec'd on
  size_t n, nexec;
} stage;

// A reader's working memory: one exec's volatile files before they are copied to its slot.
typedef struct {
  char cmd[CMDLINE_MAX];
  char exe[PATH_MAX], cwd[PATH_MAX];
} reader_mem;

// A socket's recvmmsg buffers (see recv_bufs_init, each_proc_msg).
typedef struct {
  char bufs[RECV_MSGS][RECV_MSG_BYTES] __attribute__((aligned(8)));
  struct mmsghdr msgs[RECV_MSGS];
  struct iovec iovs[RECV_MSGS];
} recv_bufs;

// The receiver's working memory, allocated once (too big for its stack).
typedef struct {
  recv_bufs rb;
  stage sg;
  reader_mem rm;
} receiver_mem;

typedef struct {
  handle *h;
  int index;
} reader_arg;

static void recv_bufs_init(recv_bufs *b) {
  for (int i = 0; i < RECV_MSGS; i++) {
    b->iovs[i].iov_base = b->bufs[i]; b->iovs[i].iov_len = RECV_MSG_BYTES;
    b->msgs[i].msg_hdr.msg_iov = &b->iovs[i]; b->msgs[i].msg_hdr.msg_iovlen = 1;
  }
}

// Calls on_msg for each process connector message of the n datagrams received into b, in order.
static void each_proc_msg(recv_bufs *b, int n, void (*on_msg)(void *ctx, struct cn_msg *cn), void *ctx) {
  for (int i = 0; i < n; i++) {
    int len = (int)b->msgs[i].msg_len;
    for (struct nlmsghdr *nh = (struct nlmsghdr *)b->bufs[i]; NLMSG_OK(nh, (unsigned)len); nh = NLMSG_NEXT(nh, len)) {
      if (nh->nlmsg_type == NLMSG_NOOP || nh->nlmsg_type == NLMSG_ERROR) continue;
      struct cn_msg *cn = NLMSG_DATA(nh);
      if (cn->id.idx == CN_IDX_PROC && cn->id.val == CN_VAL_PROC) on_msg(ctx, cn);
    }
  }
}

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

static int grow(void **p, size_t *cap, size_t need, size_t unit) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 256;
  while (c < need) c *= 2;
  void *q = realloc(*p, c * unit);
  if (!q) return -1;
  *p = q; *cap = c;
  return 0;
}

// ---- the batch JS takes (all under h->mu) --------------------------------------------------

static double *raw_record(batch *b, int kind) {
  if (grow((void **)&b->nums, &b->cap, (b->n + 1) * NFIELDS, sizeof(double)) < 0) return NULL;
  double *r = b->nums + b->n * NFIELDS;
  memset(r, 0, NFIELDS * sizeof(double));
  r[F_KIND] = kind; r[F_UID] = -1; r[F_EUID] = -1;
  b->n++;
  return r;
}

// Returns the new record (zeroed but for kind), or NULL when the queue is full (counted) or
// memory ran out (counted the same way).
static double *add_record(handle *h, int kind) {
  batch *b = &h->bufs[h->fill];
  if (kind != EV_GAP && b->n >= h->queue_max) { h->dropped_queue++; return NULL; }
  if (kind != EV_GAP && h->dropped_queue > h->dropped_queue_reported) {
    double *g = raw_record(b, EV_GAP);
    if (g) {
      g[F_A] = GAP_QUEUE;
      g[F_B] = (double)(h->dropped_queue - h->dropped_queue_reported);
      h->dropped_queue_reported = h->dropped_queue;
    }
  }
  double *r = raw_record(b, kind);
  if (!r && kind != EV_GAP) h->dropped_queue++;
  return r;
}

// Appends bytes to the string buffer; stores offset and length in the record's two fields.
// `rec` is an index because the numbers may move when they grow.
static void add_string(handle *h, size_t rec, int off_field, const char *s, size_t len) {
  if (!len) return;
  batch *b = &h->bufs[h->fill];
  if (grow((void **)&b->str, &b->str_cap, b->str_len + len, 1) < 0) return;
  memcpy(b->str + b->str_len, s, len);
  double *r = b->nums + rec * NFIELDS;
  r[off_field] = (double)b->str_len;
  r[off_field + 1] = (double)len;
  b->str_len += len;
}

// ---- exec slots and the pending ring (all under h->mu) -------------------------------------

static int queue_live(handle *h, uint32_t item) { return h->slots[item & (SLOTS_MAX - 1)].gen == item >> SLOT_BITS; }

static void queue_push(handle *h, slot_queue *q, int slot) {
  if (q->tail - q->head == QUEUE_MAX) {
    uint32_t kept = q->head;
    for (uint32_t i = q->head; i != q->tail; i++)
      if (queue_live(h, q->items[i % QUEUE_MAX])) q->items[kept++ % QUEUE_MAX] = q->items[i % QUEUE_MAX];
    q->tail = kept;
  }
  q->items[q->tail++ % QUEUE_MAX] = (h->slots[slot].gen << SLOT_BITS) | (uint32_t)slot;
}

static int queue_pop(handle *h, slot_queue *q) {
  while (q->head != q->tail) {
    uint32_t item = q->items[q->head++ % QUEUE_MAX];
    if (queue_live(h, item)) return (int)(item & (SLOTS_MAX - 1));
  }
  return -1;
}

// The index finds an exec's slot by its pid and the kernel's timestamp (a pid that execs twice
// has two): the receiver and the exec thread use it to take each exec once.
static uint32_t index_home(uint32_t pid, double event_ns) {
  uint64_t k = (uint64_t)event_ns ^ ((uint64_t)pid << 32);
  k *= 0x9E3779B97F4A7C15ull;
  return (uint32_t)(k >> 52) & (INDEX_SIZE - 1);
}

static int index_find(handle *h, uint32_t pid, double event_ns) {
  for (uint32_t i = index_home(pid, event_ns);; i = (i + 1) & (INDEX_SIZE - 1)) {
    int x = h->index[i];
    if (x < 0) return -1;
    if ((uint32_t)h->slots[x].r[F_PID] == pid && h->slots[x].event_ns == event_ns) return x;
  }
}

static void index_put(handle *h, int x) {
  exec_slot *s = &h->slots[x];
  uint32_t i = index_home((uint32_t)s->r[F_PID], s->event_ns);
  while (h->index[i] >= 0) i = (i + 1) & (INDEX_SIZE - 1);
  h->index[i] = x;
  s->indexed = 1;
}

// Linear probing deletes by moving later entries of the run back into the hole.
static void index_del(handle *h, int x) {
  exec_slot *s = &h->slots[x];
  uint32_t i = index_home((uint32_t)s->r[F_PID], s->event_ns);
  while (h->index[i] != x) i = (i + 1) & (INDEX_SIZE - 1);
  for (uint32_t j = (i + 1) & (INDEX_SIZE - 1); h->index[j] >= 0; j = (j + 1) & (INDEX_SIZE - 1)) {
    exec_slot *o = &h->slots[h->index[j]];
    uint32_t home = index_home((uint32_t)o->r[F_PID], o->event_ns);
    // the entry at j may move to the hole at i unless its home lies cyclically in (i, j]
    if (((j - home) & (INDEX_SIZE - 1)) >= ((j - i) & (INDEX_SIZE - 1))) { h->index[i] = h->index[j]; i = j; }
  }
  h->index[i] = -1;
  s->indexed = 0;
}

// The slot's entries in the read and finish queues become stale.
static void retire_queue_entries(exec_slot *s) { s->gen = (s->gen + 1) & ((1u << (32 - SLOT_BITS)) - 1); }

// Takes a free slot for an exec (its record so far), findable by (pid, event time). The caller
// sets its state, order (seq) and whether it is linked.
static int open_slot(handle *h, const double *rec, double event_ns, double now_ns) {
  int x = h->free_slots[--h->nfree];
  exec_slot *s = &h->slots[x];
  memcpy(s->r, rec, NFIELDS * sizeof(double));
  s->event_ns = event_ns;
  s->received_ns = now_ns;
  s->queued_ms = now_ns / 1e6;
  s->cmd_len = s->exe_len = s->cwd_len = s->comm_len = 0;
  s->exe_readable = 0;
  index_put(h, x);
  return x;
}

static void free_slot(handle *h, int i) {
  exec_slot *s = &h->slots[i];
  if (s->indexed) index_del(h, i);
  if (s->text_cap > SLOT_TEXT_KEEP) { free(s->text); s->text = NULL; s->text_cap = 0; }
  s->state = SLOT_FREE;
  retire_queue_entries(s);
  h->free_slots[h->nfree++] = i;
}

static void commit_exec(handle *h, exec_slot *s, int with_strings) {
  double *src = s->r;
  int flags = (int)src[F_FLAGS];
  h->execs++;
  if (flags & EXEC_REAPED) h->exec_reaped++;
  else if (flags & EXEC_EXITED) h->exec_exited++;
  double *r = add_record(h, EV_EXEC);
  if (!r) return;
  memcpy(r, src, NFIELDS * sizeof(double));
  r[F_CMD_OFF] = r[F_CMD_LEN] = r[F_EXE_OFF] = r[F_EXE_LEN] = r[F_CWD_OFF] = r[F_CWD_LEN] = r[F_NAME_OFF] = r[F_NAME_LEN] = 0;
  if (!with_strings) return;
  size_t rec = h->bufs[h->fill].n - 1;
  const char *t = s->text;
  add_string(h, rec, F_CMD_OFF, t, s->cmd_len); t += s->cmd_len;
  add_string(h, rec, F_EXE_OFF, t, s->exe_len); t += s->exe_len;
  add_string(h, rec, F_CWD_OFF, t, s->cwd_len); t += s->cwd_len;
  add_string(h, rec, F_NAME_OFF, t, s->comm_len);
}

// Moves records from the ring's head to the batch while they are complete. An exec that is not
// holds the rest back, unless it has waited STUCK_MS since its event or `force` (the ring or the
// slots are full): then it goes without what is missing. Unread, it is flagged EXEC_STUCK and
// counted in `stuck`; read but not finished (no stat yet), it keeps its strings and is counted in
// `unfinished`. Its reader frees the slot when it returns (`late_reads`).
static void commit_ready(handle *h, double now_ms, int force) {
  while (h->ring_head < h->ring_tail) {
    pending *p = &h->ring[h->ring_head % PENDING_MAX];
    if (p->slot < 0) {
      double *r = add_record(h, (int)p->rec[F_KIND]);
      if (r) memcpy(r, p->rec, NFIELDS * sizeof(double));
    } else {
      exec_slot *s = &h->slots[p->slot];
      if (s->state == SLOT_DONE) {
        commit_exec(h, s, 1);
        free_slot(h, p->slot);
      } else {
        if (!force && now_ms - s->queued_ms < STUCK_MS) break;
        force = 0;  // only the exec that blocked
        if (s->state == SLOT_READ || s->state == SLOT_FINISHING) {
          h->unfinished++;
          if (!s->cmd_len) s->r[F_FLAGS] = EXEC_STUCK;
          commit_exec(h, s, 1);
        } else {
          h->stuck++;
          s->r[F_FLAGS] = EXEC_STUCK;
          commit_exec(h, s, 0);
        }
        s->state = SLOT_ABANDONED;
      }
    }
    h->ring_head++;
  }
}

// Makes room for `records` ring entries and `execs` slots, committing blocked execs early if it
// must. Returns 0 when there is no room even so (every slot is with a reader that has not returned).
static int make_room(handle *h, size_t records, size_t execs, double now_ms) {
  while (h->ring_tail - h->ring_head + records > PENDING_MAX || (size_t)h->nfree < execs) {
    if (h->ring_head == h->ring_tail) return 0;
    commit_ready(h, now_ms, 1);
  }
  return 1;
}

static void ring_put(handle *h, const double *rec, int slot) {
  pending *p = &h->ring[h->ring_tail++ % PENDING_MAX];
  memcpy(p->rec, rec, NFIELDS * sizeof(double));
  p->slot = slot;
  uint64_t depth = h->ring_tail - h->ring_head;
  if (depth > h->pending_max) h->pending_max = depth;
}

// Queues a chunk's records in kernel order. Each exec gets a slot unless the exec thread has opened
// one already. The first exec of the chunk that came from this thread's CPU (ev->cpu) this thread
// reads itself (*mine): its process cannot return to user space before this thread sleeps. Every
// other one gets an idle reader, taken off the idle list into `woken` (the count is returned),
// even if the exec thread may take it first: the exec thread may be held up (measured: 1-2 a
// minute at 1,000 execs/s not taken within 1 ms).
// A chunk that does not fit is dropped and counted; its count goes ahead of the next records that
// fit, as a queue gap.
static int enqueue_stage(handle *h, stage *sg, int my_cpu, int *mine, int *woken_readers) {
  double now_ns = mono_ns(), now_ms = now_ns / 1e6;
  int woken = 0;
  if (!make_room(h, sg->n + 1, sg->nexec, now_ms)) {
    for (size_t i = 0; i < sg->n; i++) h->dropped_ring += (int)sg->rec[i][F_KIND] == EV_GAP ? (uint64_t)sg->rec[i][F_B] : 1;
    sg->n = sg->nexec = 0;
    return 0;
  }
  if (h->dropped_ring > h->dropped_ring_reported) {
    double g[NFIELDS] = {0};
    g[F_KIND] = EV_GAP; g[F_UID] = g[F_EUID] = -1;
    g[F_A] = GAP_QUEUE; g[F_B] = (double)(h->dropped_ring - h->dropped_ring_reported);
    g[F_TIME_MS] = sg->n ? sg->rec[0][F_TIME_MS] : 0;
    ring_put(h, g, -1);
    h->dropped_ring_reported = h->dropped_ring;
  }
  for (size_t i = 0; i < sg->n; i++) {
    if ((int)sg->rec[i][F_KIND] != EV_EXEC) { ring_put(h, sg->rec[i], -1); continue; }
    double event_ns = sg->event_ns[i];
    double receive_us = (now_ns - event_ns) / 1e3;
    if (receive_us > 1000) h->receive_over_1ms++;
    if (receive_us > h->receive_max_us) h->receive_max_us = (uint64_t)receive_us;
    if (event_ns > h->last_exec_ns) h->last_exec_ns = event_ns;
    int x = index_find(h, (uint32_t)sg->rec[i][F_PID], event_ns);
    if (x >= 0 && !h->slots[x].linked) {
      // the exec thread has it (being read, or read): it only takes its place in the order
      exec_slot *s = &h->slots[x];
      s->linked = 1;
      h->unlinked--;
      s->seq = ++h->exec_seq;
      ring_put(h, sg->rec[i], x);
      continue;
    }
    x = open_slot(h, sg->rec[i], event_ns, now_ns);
    exec_slot *s = &h->slots[x];
    s->seq = ++h->exec_seq;
    s->linked = 1;
    ring_put(h, sg->rec[i], x);
    int cpu = (int)sg->cpu[i];
    if (*mine < 0 && cpu == my_cpu) {
      s->state = SLOT_READING;
      h->reading_seq[READERS + 1] = s->seq;
      h->receiver_reads++;
      *mine = x;
      continue;
    }
    s->state = SLOT_QUEUED;
    queue_push(h, &h->read_q, x);
    if (h->nidle > 0) woken_readers[woken++] = h->idle[--h->nidle];
  }
  uint64_t q = h->read_q.tail - h->read_q.head;
  if (q > h->read_queue_max) h->read_queue_max = q;
  sg->n = sg->nexec = 0;
  commit_ready(h, now_ms, 0);
  return woken;
}

// The first reader is woken on the receiver's own CPU (`my_cpu`), which is free as soon as the
// receiver sleeps: left to the scheduler, a realtime thread is woken on the CPU running the least
// important task, where (on a kernel without full preemption) it waits for that task to leave the
// kernel, up to 9 ms measured under load. The others may run anywhere, to read in parallel. A
// reader is re-pinned only when its place changes (a syscall per wake-up otherwise).
static void wake_readers(handle *h, const int *readers, int n, int my_cpu) {
  for (int i = 0; i < n; i++) {
    int r = readers[i], cpu = i == 0 ? my_cpu : -1;
    if (cpu >= CPU_SETSIZE || (cpu >= 0 && !CPU_ISSET(cpu, &h->cpus))) cpu = -1;
    if (cpu != h->reader_cpu[r]) {
      cpu_set_t one;
      if (cpu >= 0) { CPU_ZERO(&one); CPU_SET(cpu, &one); }
      else one = h->cpus;
      pthread_setaffinity_np(h->readers[r], sizeof one, &one);
      h->reader_cpu[r] = cpu;
    }
    sem_post(&h->wake[r]);
  }
}

// ---- reading an exec's details (readers, without the lock) ---------------------------------

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

typedef struct {
  size_t cmd_len; ssize_t exe_len, cwd_len;
  double delay_us, handoff_us, read_us;
} volatile_read;

// Phase 1: the command line, the executable and the cwd, which all vanish when the process
// exits (a zombie keeps only stat).
static void read_volatile(uint32_t pid, double event_ns, double received_ns, reader_mem *m, volatile_read *v) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%u/cmdline", pid);
  double t0 = mono_ns();
  v->delay_us = (t0 - event_ns) / 1e3;
  v->handoff_us = (t0 - received_ns) / 1e3;
  ssize_t n = read_file(path, m->cmd, sizeof m->cmd);
  v->read_us = (mono_ns() - t0) / 1e3;
  v->cmd_len = n > 0 ? (size_t)n : 0;
  snprintf(path, sizeof path, "/proc/%u/exe", pid);
  v->exe_len = readlink(path, m->exe, sizeof m->exe);
  snprintf(path, sizeof path, "/proc/%u/cwd", pid);
  v->cwd_len = readlink(path, m->cwd, sizeof m->cwd);
}

typedef struct {
  double ppid, start_ticks, uid, euid, flags;
  int have_st;
  struct stat st;
  char comm[64];
} exec_details;

// Phase 2: what survives the exit (stat) and the executable's identity for the hash cache.
static void read_details(uint32_t pid, size_t cmd_len, int exe_readable, exec_details *d) {
  char state = 0;
  uint32_t ppid = 0;
  uint64_t start_ticks = 0;
  d->comm[0] = 0;
  d->uid = d->euid = -1;
  int alive_stat = read_stat(pid, &state, &ppid, &start_ticks, d->comm, sizeof d->comm);
  d->have_st = 0;
  if (exe_readable) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%u/exe", pid);
    d->have_st = stat(path, &d->st) == 0;
  }
  int flags = 0;
  if (d->have_st && (d->st.st_mode & (S_ISUID | S_ISGID))) { flags |= EXEC_SETID; read_uids(pid, &d->uid, &d->euid); }
  // Only a command line that could not be read makes an exec incomplete. A process in do_exit has
  // lost its memory (no cmdline, no exe) before it turns zombie.
  if (cmd_len == 0) {
    if (!alive_stat) flags |= EXEC_REAPED;
    else if (state == 'Z' || state == 'X' || !exe_readable) flags |= EXEC_EXITED;
    else flags |= EXEC_EMPTY_ARGS;
  }
  d->ppid = ppid; d->start_ticks = (double)start_ticks; d->flags = flags;
}

// ---- the reader threads ----------------------------------------------------------------------

// Under h->mu: phase 1's result goes to the slot (unless it was abandoned meanwhile). Returns
// whether the slot is still wanted.
static int store_volatile(handle *h, int self, int x, reader_mem *m, const volatile_read *v) {
  exec_slot *s = &h->slots[x];
  h->reading_seq[self] = 0;
  if (v->read_us > 1000) h->slow_reads++;
  if (v->read_us > h->slow_read_max_us) h->slow_read_max_us = (uint64_t)v->read_us;
  if (v->delay_us > 1000) h->delay_over_1ms++;
  if (v->delay_us > h->delay_max_us) h->delay_max_us = (uint64_t)v->delay_us;
  if (v->handoff_us > 1000) h->handoff_over_1ms++;
  if (v->handoff_us > h->handoff_max_us) h->handoff_max_us = (uint64_t)v->handoff_us;
  for (int i = 0; i < READERS + 2; i++) if (h->reading_seq[i] && h->reading_seq[i] < s->seq) { h->out_of_order++; break; }
  if (s->state == SLOT_ABANDONED) { h->late_reads++; free_slot(h, x); return 0; }
  size_t exe_len = v->exe_len > 0 ? (size_t)v->exe_len : 0, cwd_len = v->cwd_len > 0 ? (size_t)v->cwd_len : 0;
  size_t cmd_len = v->cmd_len;
  // comm (under 64 bytes) is appended by phase 2
  if (grow((void **)&s->text, &s->text_cap, cmd_len + exe_len + cwd_len + 64, 1) < 0) cmd_len = exe_len = cwd_len = 0;
  memcpy(s->text, m->cmd, cmd_len);
  memcpy(s->text + cmd_len, m->exe, exe_len);
  memcpy(s->text + cmd_len + exe_len, m->cwd, cwd_len);
  s->cmd_len = cmd_len; s->exe_len = exe_len; s->cwd_len = cwd_len;
  s->exe_readable = v->exe_len > 0;
  s->r[F_READ_DELAY_US] = v->delay_us;
  s->state = SLOT_READ;
  return 1;
}

// Under h->mu: phase 2's result goes to the slot, which is then committed with what is ready.
static void store_details(handle *h, int x, const exec_details *d) {
  exec_slot *s = &h->slots[x];
  if (s->state == SLOT_ABANDONED) { h->late_reads++; free_slot(h, x); return; }
  double *r = s->r;
  r[F_PPID] = d->ppid; r[F_START_TICKS] = d->start_ticks; r[F_FLAGS] = d->flags;
  r[F_UID] = d->uid; r[F_EUID] = d->euid;
  if (d->have_st) {
    r[F_EXE_DEV] = (double)d->st.st_dev; r[F_EXE_INO] = (double)d->st.st_ino; r[F_EXE_SIZE] = (double)d->st.st_size;
    r[F_EXE_MTIME_MS] = d->st.st_mtim.tv_sec * 1e3 + d->st.st_mtim.tv_nsec / 1e6;
  }
  size_t cl = strlen(d->comm), used = s->cmd_len + s->exe_len + s->cwd_len;
  if (used + cl <= s->text_cap) { memcpy(s->text + used, d->comm, cl); s->comm_len = cl; }
  s->state = SLOT_DONE;
  commit_ready(h, mono_ns() / 1e6, 0);
}

// Phase 1 by the thread that holds slot x (READING), outside the lock. Returns whether the slot is
// still wanted (not abandoned meanwhile).
static int read_held_volatile(handle *h, int self, int x, uint32_t pid, double event_ns, double received_ns, reader_mem *m) {
  volatile_read v;
  read_volatile(pid, event_ns, received_ns, m, &v);
  pthread_mutex_lock(&h->mu);
  int kept = store_volatile(h, self, x, m, &v);
  pthread_mutex_unlock(&h->mu);
  return kept;
}

// Phase 2 by the thread that holds slot x (READ); an abandoned slot is freed instead.
static void finish_held(handle *h, int x) {
  pthread_mutex_lock(&h->mu);
  exec_slot *s = &h->slots[x];
  if (s->state == SLOT_ABANDONED) { h->late_reads++; free_slot(h, x); pthread_mutex_unlock(&h->mu); return; }
  s->state = SLOT_FINISHING;
  uint32_t pid = (uint32_t)s->r[F_PID];
  size_t cmd_len = s->cmd_len;
  int exe_readable = s->exe_readable;
  pthread_mutex_unlock(&h->mu);
  exec_details d;
  read_details(pid, cmd_len, exe_readable, &d);
  pthread_mutex_lock(&h->mu);
  store_details(h, x, &d);
  pthread_mutex_unlock(&h->mu);
}

// Readers take command lines before anything else: after reading one, a reader finishes that
// exec itself only when no other exec waits to be read, and otherwise queues it for later.
static void *reader_main(void *arg) {
  reader_arg *a = arg;
  handle *h = a->h;
  int self = a->index;
  free(a);
  char name[16];
  snprintf(name, sizeof name, "xdr-proc-rd%d", self);
  pthread_setname_np(pthread_self(), name);
  if (h->rt_priority > 0) {
    struct sched_param sp = {.sched_priority = h->rt_priority};
    if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0) {
      pthread_mutex_lock(&h->mu);
      h->rt_readers++;
      pthread_mutex_unlock(&h->mu);
    }
  }
  // Without its memory a reader does not start; the execs it would have read wait for the
  // others (or STUCK_MS).
  reader_mem *m = malloc(sizeof *m);
  if (!m) return NULL;
  pthread_mutex_lock(&h->mu);
  while (!h->stopping) {
    int x = queue_pop(h, &h->read_q);
    int phase1 = x >= 0;
    if (!phase1) x = queue_pop(h, &h->finish_q);
    if (x < 0) {
      h->idle[h->nidle++] = self;
      pthread_mutex_unlock(&h->mu);
      while (sem_wait(&h->wake[self]) < 0 && errno == EINTR) {}
      pthread_mutex_lock(&h->mu);
      continue;
    }
    exec_slot *s = &h->slots[x];
    if (s->state == SLOT_ABANDONED) { free_slot(h, x); continue; }
    uint32_t pid = (uint32_t)s->r[F_PID];
    if (phase1) {
      double event_ns = s->event_ns, received_ns = s->received_ns;
      s->state = SLOT_READING;
      h->reader_reads++;
      h->reading_seq[self] = s->seq;
      uint64_t busy = 0;
      for (int i = 0; i < READERS; i++) busy += h->reading_seq[i] != 0;
      if (busy > h->readers_busy_max) h->readers_busy_max = busy;
      pthread_mutex_unlock(&h->mu);
      int kept = read_held_volatile(h, self, x, pid, event_ns, received_ns, m);
      pthread_mutex_lock(&h->mu);
      if (!kept) continue;
      // this reader finishes it after the command lines still waiting
      if (h->read_q.head != h->read_q.tail) { queue_push(h, &h->finish_q, x); continue; }
    }
    pthread_mutex_unlock(&h->mu);
    finish_held(h, x);
    pthread_mutex_lock(&h->mu);
  }
  pthread_mutex_unlock(&h->mu);
  free(m);
  return NULL;
}

// ---- the exec thread ---------------------------------------------------------------------

// Under h->mu: takes an exec for the exec thread and returns its slot, now READING, or -1.
//   - Not yet queued by the receiver: a slot is opened, linked into the order when the receiver
//     meets the exec (enqueue_stage); unless the receiver has passed it or too few slots are free.
//   - Queued from this thread's CPU and no reader has it yet: taken from the read queue.
//   - Otherwise: left alone (counted as skipped).
static int exec_claim(handle *h, uint32_t pid, double event_ns, double time_ms, int own_cpu) {
  int x = index_find(h, pid, event_ns);
  if (x >= 0) {
    // Queued from this thread's CPU, and no reader has it yet: its process waits for this thread,
    // a reader may not come in time. From elsewhere a reader was woken for it.
    exec_slot *s = &h->slots[x];
    if (s->state != SLOT_QUEUED || !own_cpu) { h->xt_skipped++; return -1; }
    retire_queue_entries(s);
    s->state = SLOT_READING;
    h->xt_took++;
    return x;
  }
  if (event_ns <= h->last_exec_ns) { h->xt_skipped++; return -1; }
  if (h->nfree <= EXEC_THREAD_RESERVE) { h->xt_no_slot++; return -1; }
  double rec[NFIELDS] = {0};
  rec[F_KIND] = EV_EXEC; rec[F_PID] = pid; rec[F_TIME_MS] = time_ms; rec[F_UID] = rec[F_EUID] = -1;
  x = open_slot(h, rec, event_ns, mono_ns());
  exec_slot *s = &h->slots[x];
  s->seq = 0;
  s->state = SLOT_READING;
  s->linked = 0;
  h->unlinked++;
  h->xt_opened++;
  return x;
}

// Under h->mu: slots the exec thread read for execs the receiver never met (their message was lost
// on its socket) are freed after ORPHAN_MS, at most twice a second.
static void reap_orphans(handle *h, double now_ms) {
  if (!h->unlinked || now_ms - h->orphan_scan_ms < 500) return;
  h->orphan_scan_ms = now_ms;
  for (int x = 0; x < SLOTS_MAX; x++) {
    exec_slot *s = &h->slots[x];
    if (s->state != SLOT_DONE || s->linked || now_ms - s->queued_ms < ORPHAN_MS) continue;
    free_slot(h, x);
    h->unlinked--;
    h->orphan_reads++;
  }
}

// An exec event as the exec thread saw it.
typedef struct {
  uint32_t pid;
  double event_ns;
  int own_cpu;  // it came from one of the exec thread's CPUs
  int cpu;
} exec_ref;

// One exec event per datagram: a chunk has at most RECV_MSGS.
#define EXEC_CHUNK_MAX RECV_MSGS
typedef struct {
  recv_bufs rb;
  exec_ref execs[EXEC_CHUNK_MAX];
  size_t nexec;
  uint64_t other;  // messages other than exec (a kernel or filter that let them through)
  int taken[EXEC_CHUNK_MAX];
  reader_mem rm;
} exec_mem;

static void note_exec(void *ctx, struct cn_msg *cn) {
  exec_mem *m = ctx;
  struct proc_event *ev = (struct proc_event *)cn->data;
  if (ev->what != PROC_EVENT_EXEC) { m->other++; return; }
  if (m->nexec == EXEC_CHUNK_MAX) return;  // cannot happen, see EXEC_CHUNK_MAX
  exec_ref *e = &m->execs[m->nexec++];
  e->pid = (uint32_t)ev->event_data.exec.process_tgid;
  e->event_ns = (double)ev->timestamp_ns;
  e->cpu = (int)ev->cpu;
}

// Reads the command lines of a chunk's execs, then their stat. Execs from this thread's CPUs go
// first: their processes wait for it, while an exec from elsewhere that it reads (the receiver was
// late) may have run on and hold its memory lock, stalling the read.
static void exec_chunk(handle *h, exec_mem *m, int n) {
  double offset = now_offset_ms();
  m->nexec = 0;
  m->other = 0;
  each_proc_msg(&m->rb, n, note_exec, m);
  for (size_t i = 0; i < m->nexec; i++) {
    exec_ref *e = &m->execs[i];
    e->own_cpu = e->cpu >= 0 && e->cpu < CPU_SETSIZE && CPU_ISSET(e->cpu, &h->exec_cpus);
  }
  int ntaken = 0;
  for (int pass = 1; pass >= 0; pass--) {
    for (size_t i = 0; i < m->nexec; i++) {
      exec_ref *e = &m->execs[i];
      if (e->own_cpu != pass) continue;
      pthread_mutex_lock(&h->mu);
      int x = exec_claim(h, e->pid, e->event_ns, e->event_ns / 1e6 + offset, e->own_cpu);
      double received_ns = x >= 0 ? h->slots[x].received_ns : 0;
      pthread_mutex_unlock(&h->mu);
      if (x >= 0 && read_held_volatile(h, READERS, x, e->pid, e->event_ns, received_ns, &m->rm)) m->taken[ntaken++] = x;
    }
  }
  for (int k = 0; k < ntaken; k++) finish_held(h, m->taken[k]);
  if (m->other) { pthread_mutex_lock(&h->mu); h->exec_sock_other += m->other; pthread_mutex_unlock(&h->mu); }
}

static void *exec_main(void *arg) {
  handle *h = arg;
  pthread_setname_np(pthread_self(), "xdr-proc-exec");
  pthread_setaffinity_np(pthread_self(), sizeof h->exec_cpus, &h->exec_cpus);
  if (h->rt_priority > 0) {
    struct sched_param sp = {.sched_priority = h->rt_priority};
    pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp);
  }
  exec_mem *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  recv_bufs_init(&m->rb);
  struct pollfd fds[2] = {{.fd = h->exec_sock, .events = POLLIN}, {.fd = h->stop_fd, .events = POLLIN}};
  while (!h->stopping) {
    int pr = poll(fds, 2, -1);
    if (pr < 0) { if (errno == EINTR) continue; break; }
    if (fds[1].revents || h->stopping) break;
    int n = recvmmsg(h->exec_sock, m->rb.msgs, RECV_MSGS, MSG_DONTWAIT, NULL);
    if (n > 0) exec_chunk(h, m, n);
    if (n < 0 && errno == ENOBUFS) {
      // nothing is lost (the receiver's socket carries every exec too), but the exec thread fell
      // behind: counted, as a bound that was hit
      pthread_mutex_lock(&h->mu);
      h->exec_sock_enobufs++;
      pthread_mutex_unlock(&h->mu);
    } else if (n < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) break;
  }
  free(m);
  return NULL;
}

// ---- the receiver thread -------------------------------------------------------------------

// Commits what is ready (and execs stuck past STUCK_MS) and wakes JS at most once per BATCH_MS
// (or at BATCH_MAX records). Returns the poll timeout until the next look is due.
static int maybe_notify(handle *h, double *first_pending) {
  double now = mono_ns() / 1e6;
  int notify = 0, timeout = IDLE_POLL_MS;
  pthread_mutex_lock(&h->mu);
  commit_ready(h, now, 0);
  reap_orphans(h, now);
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
  // Records still wait for their reads: they are committed by the readers, but looked at again
  // soon in case a read is stuck.
  if (h->ring_head != h->ring_tail && timeout > BATCH_MS) timeout = BATCH_MS;
  pthread_mutex_unlock(&h->mu);
  if (notify) {
    uint64_t one = 1;
    if (write(h->notify_fd, &one, sizeof one) < 0) { /* the counter cannot overflow at this rate */ }
  }
  return timeout;
}

static double *stage_add(stage *sg, int kind) {
  if (sg->n >= STAGE_MAX) return NULL;  // cannot happen: at most two records per message
  double *r = sg->rec[sg->n];
  memset(r, 0, NFIELDS * sizeof(double));
  r[F_KIND] = kind; r[F_UID] = -1; r[F_EUID] = -1;
  sg->n++;
  return r;
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

// Stages one message.
static void handle_msg(handle *h, stage *sg, struct cn_msg *cn, double offset) {
  struct proc_event *ev = (struct proc_event *)cn->data;
  double t = (double)ev->timestamp_ns / 1e6 + offset;
  // An acknowledgement of anyone's (un)subscription goes to every listener and, on recent kernels,
  // takes a number in its CPU's sequence: it is counted there, or the next event looks like a loss
  // (older kernels send it with cpu -1, outside any sequence).
  check_seq(h, sg, cn, ev, t);
  if (ev->what == PROC_EVENT_NONE) return;
  h->received++;
  double *r;
  switch (ev->what) {
    case PROC_EVENT_FORK:
      if (ev->event_data.fork.child_pid != ev->event_data.fork.child_tgid) return;  // a thread
      if (!(r = stage_add(sg, EV_FORK))) return;
      r[F_PID] = ev->event_data.fork.child_tgid; r[F_PPID] = ev->event_data.fork.parent_tgid;
      break;
    case PROC_EVENT_EXEC:
      if (!(r = stage_add(sg, EV_EXEC))) return;
      r[F_PID] = ev->event_data.exec.process_tgid;
      sg->event_ns[sg->n - 1] = (double)ev->timestamp_ns;
      sg->cpu[sg->n - 1] = ev->cpu;
      sg->nexec++;
      break;
    case PROC_EVENT_EXIT:
      if (ev->event_data.exit.process_pid != ev->event_data.exit.process_tgid) return;
      if (!(r = stage_add(sg, EV_EXIT))) return;
      r[F_PID] = ev->event_data.exit.process_tgid; r[F_PPID] = ev->event_data.exit.parent_tgid;
      r[F_A] = (int32_t)ev->event_data.exit.exit_code; r[F_B] = (int32_t)ev->event_data.exit.exit_signal;
      break;
    case PROC_EVENT_UID:
      if (!(r = stage_add(sg, EV_UID))) return;
      r[F_PID] = ev->event_data.id.process_tgid;
      r[F_UID] = (int32_t)ev->event_data.id.r.ruid; r[F_EUID] = (int32_t)ev->event_data.id.e.euid;
      break;
    default:
      return;
  }
  r[F_TIME_MS] = t;
}

typedef struct { handle *h; stage *sg; double offset; } stage_ctx;
static void stage_msg(void *ctx, struct cn_msg *cn) { stage_ctx *c = ctx; handle_msg(c->h, c->sg, cn, c->offset); }

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

// Queues a chunk, wakes the readers enqueue_stage chose (busy readers take the rest when done) and
// reads the exec it left to this thread.
static void flush_stage(handle *h, stage *sg, reader_mem *m) {
  if (!sg->n) return;
  int woken[READERS], mine = -1;
  int my_cpu = sched_getcpu();
  pthread_mutex_lock(&h->mu);
  int n = enqueue_stage(h, sg, my_cpu, &mine, woken);
  uint32_t pid = 0;
  double event_ns = 0, received_ns = 0;
  if (mine >= 0) { pid = (uint32_t)h->slots[mine].r[F_PID]; event_ns = h->slots[mine].event_ns; received_ns = h->slots[mine].received_ns; }
  pthread_mutex_unlock(&h->mu);
  wake_readers(h, woken, n, my_cpu);
  if (mine >= 0 && read_held_volatile(h, READERS + 1, mine, pid, event_ns, received_ns, m)) finish_held(h, mine);
}

static void *receiver_main(void *arg) {
  handle *h = arg;
  pthread_setname_np(pthread_self(), "xdr-proc");
  if (h->exec_sock >= 0) pthread_setaffinity_np(pthread_self(), sizeof h->receiver_cpus, &h->receiver_cpus);
  if (h->rt_priority > 0) {
    // A short-lived program is gone within a millisecond of exec; unless its exec is received
    // and handed to a reader before it exits, its command line is lost.
    struct sched_param sp = {.sched_priority = h->rt_priority};
    h->rt_ok = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0;
  }
  receiver_mem *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  recv_bufs_init(&m->rb);
  stage *sg = &m->sg;
  struct pollfd fds[2] = {{.fd = h->sock, .events = POLLIN}, {.fd = h->stop_fd, .events = POLLIN}};
  double first_pending = 0;
  int timeout = IDLE_POLL_MS;
  for (;;) {
    int pr = poll(fds, 2, timeout);
    if (pr < 0) { if (errno == EINTR) continue; break; }
    if (fds[1].revents || h->stopping) break;
    if (pr == 0) { timeout = maybe_notify(h, &first_pending); continue; }
    for (;;) {
      int n = recvmmsg(h->sock, m->rb.msgs, RECV_MSGS, MSG_DONTWAIT, NULL);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) break;
        if (errno == ENOBUFS) {
          // The kernel dropped messages; the count shows up as per-CPU sequence jumps.
          h->enobufs++;
          struct timespec rt; clock_gettime(CLOCK_REALTIME, &rt);
          double *g = stage_add(sg, EV_GAP);
          if (g) { g[F_A] = GAP_ENOBUFS; g[F_TIME_MS] = rt.tv_sec * 1e3 + rt.tv_nsec / 1e6; }
          flush_stage(h, sg, &m->rm);
          continue;
        }
        goto out;
      }
      stage_ctx c = {h, sg, now_offset_ms()};
      each_proc_msg(&m->rb, n, stage_msg, &c);
      flush_stage(h, sg, &m->rm);
      if (n < RECV_MSGS) break;
    }
    timeout = maybe_notify(h, &first_pending);
  }
out:
  free(m);
  return NULL;
}

// `events` 0 subscribes to everything the old way; otherwise only to those event types.
static int send_op(int sock, enum proc_cn_mcast_op op, uint32_t events) {
  struct proc_input_v2 in = {.mcast_op = op, .event_type = events};
  size_t len = events ? sizeof in : sizeof(uint32_t);
  char buf[NLMSG_SPACE(sizeof(struct cn_msg) + sizeof in)] __attribute__((aligned(8)));
  memset(buf, 0, sizeof buf);
  struct nlmsghdr *nh = (struct nlmsghdr *)buf;
  nh->nlmsg_len = NLMSG_LENGTH(sizeof(struct cn_msg) + len);
  nh->nlmsg_type = NLMSG_DONE;
  nh->nlmsg_pid = 0;
  struct cn_msg *cn = NLMSG_DATA(nh);
  cn->id.idx = CN_IDX_PROC; cn->id.val = CN_VAL_PROC; cn->len = (uint16_t)len;
  memcpy(cn->data, &in, len);
  return send(sock, nh, nh->nlmsg_len, 0) < 0 ? -1 : 0;
}

// The exec thread's socket, or -1: it is an optimisation, so failing to open it is not an error.
// Only exec events reach it: the kernel filters by type since 6.6 (the subscription), and on any
// kernel a socket filter drops the rest before they are queued, so the thread is not woken for
// them (cBPF loads are big-endian, hence htonl).
static int open_exec_socket(int rcvbuf) {
  int sock = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
  if (sock < 0) return -1;
  struct sock_filter only_exec[] = {
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, NLMSG_LENGTH(0) + offsetof(struct cn_msg, data) + offsetof(struct proc_event, what)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, htonl(PROC_EVENT_EXEC), 0, 1),
    BPF_STMT(BPF_RET | BPF_K, 0xffffffff),
    BPF_STMT(BPF_RET | BPF_K, 0),
  };
  struct sock_fprog prog = {.len = sizeof only_exec / sizeof *only_exec, .filter = only_exec};
  setsockopt(sock, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);  // without it, the thread skips the rest
  if (setsockopt(sock, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf) < 0)
    setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
  struct sockaddr_nl sa = {.nl_family = AF_NETLINK, .nl_groups = CN_IDX_PROC, .nl_pid = 0};
  if (bind(sock, (struct sockaddr *)&sa, sizeof sa) < 0 || send_op(sock, PROC_CN_MCAST_LISTEN, PROC_EXEC_ONLY) < 0) {
    close(sock);
    return -1;
  }
  return sock;
}

// The receiver takes every other CPU of the opener's set and the exec thread the rest, so the two
// are never queued behind the same task. Returns how many CPUs the set has.
static int split_cpus(handle *h) {
  CPU_ZERO(&h->receiver_cpus);
  CPU_ZERO(&h->exec_cpus);
  int n = 0;
  for (int c = 0; c < CPU_SETSIZE; c++) {
    if (!CPU_ISSET(c, &h->cpus)) continue;
    if (n++ % 2 == 0) CPU_SET(c, &h->receiver_cpus);
    else CPU_SET(c, &h->exec_cpus);
  }
  return n;
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

// Stops the receiver first (nothing new is queued), then the readers; a reader inside a stuck
// /proc read returns when the read does.
static void join_threads(handle *h) {
  h->stopping = 1;
  uint64_t one = 1;
  if (write(h->stop_fd, &one, sizeof one) < 0) { /* the receiver also looks at h->stopping */ }
  if (h->thread_started) pthread_join(h->thread, NULL);
  h->thread_started = 0;
  if (h->exec_thread_started) pthread_join(h->exec_thread, NULL);
  h->exec_thread_started = 0;
  for (int i = 0; i < h->readers_started; i++) sem_post(&h->wake[i]);
  for (int i = 0; i < h->readers_started; i++) pthread_join(h->readers[i], NULL);
  h->readers_started = 0;
  if (write(h->notify_fd, &one, sizeof one) < 0) { /* the notifier also looks at h->stopping */ }
  if (h->notifier_started) pthread_join(h->notifier, NULL);
  h->notifier_started = 0;
}

static void stop_handle(handle *h) {
  if (h->stopped) return;
  h->stopped = 1;
  join_threads(h);
  send_op(h->sock, PROC_CN_MCAST_IGNORE, 0);
  if (h->exec_sock >= 0) { send_op(h->exec_sock, PROC_CN_MCAST_IGNORE, PROC_EXEC_ONLY); close(h->exec_sock); h->exec_sock = -1; }
  close(h->sock); close(h->stop_fd); close(h->notify_fd);
  napi_release_threadsafe_function(h->tsfn, napi_tsfn_abort);
}

// Everything open_common allocates; the threads are joined (or were never started).
static void free_handle(handle *h) {
  for (int i = 0; i < 2; i++) { free(h->bufs[i].nums); free(h->bufs[i].str); }
  if (h->slots) for (int i = 0; i < SLOTS_MAX; i++) free(h->slots[i].text);
  free(h->slots); free(h->free_slots); free(h->ring); free(h->index);
  for (int i = 0; i < h->wake_ready; i++) sem_destroy(&h->wake[i]);
  pthread_mutex_destroy(&h->mu);
  free(h);
}

static void finalize_handle(napi_env env, void *data, void *hint) {
  handle *h = data;
  // Only reached after stop() or when the environment is torn down.
  if (!h->stopped) {
    h->stopped = 1;
    join_threads(h);
    close(h->sock);
    if (h->exec_sock >= 0) close(h->exec_sock);
    close(h->stop_fd);
    close(h->notify_fd);
  }
  free_handle(h);
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
  if (send_op(sock, PROC_CN_MCAST_LISTEN, 0) < 0) {
    char m[128]; snprintf(m, sizeof m, "PROC_CN_MCAST_LISTEN: %s", strerror(errno)); close(sock);
    napi_throw_error(env, "XDR_NETLINK_LISTEN", m); return NULL;
  }
  handle *h = calloc(1, sizeof *h);
  if (!h) { close(sock); napi_throw_error(env, "XDR_NATIVE", "out of memory"); return NULL; }
  h->exec_sock = -1;
  for (int i = 0; i < READERS; i++) h->reader_cpu[i] = -1;
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
  while (h->wake_ready < READERS && sem_init(&h->wake[h->wake_ready], 0, 0) == 0) h->wake_ready++;
  if (sched_getaffinity(0, sizeof h->cpus, &h->cpus) < 0) { CPU_ZERO(&h->cpus); for (int i = 0; i < CPU_SETSIZE; i++) CPU_SET(i, &h->cpus); }
  h->ring = calloc(PENDING_MAX, sizeof *h->ring);
  h->slots = calloc(SLOTS_MAX, sizeof *h->slots);
  h->free_slots = calloc(SLOTS_MAX, sizeof *h->free_slots);
  h->index = malloc(INDEX_SIZE * sizeof *h->index);
  if (h->wake_ready < READERS || !h->ring || !h->slots || !h->free_slots || !h->index || h->stop_fd < 0 || h->notify_fd < 0) {
    int err = errno;
    close(sock); if (h->stop_fd >= 0) close(h->stop_fd); if (h->notify_fd >= 0) close(h->notify_fd); free_handle(h);
    char m[128]; snprintf(m, sizeof m, "process sensor handle could not be set up: %s", strerror(err));
    napi_throw_error(env, "XDR_NATIVE", m); return NULL;
  }
  for (int i = 0; i < SLOTS_MAX; i++) h->free_slots[i] = SLOTS_MAX - 1 - i;
  h->nfree = SLOTS_MAX;
  memset(h->index, 0xff, INDEX_SIZE * sizeof *h->index);
  napi_value name;
  napi_create_string_utf8(env, "xdr_proc", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, argv[0], NULL, name, 0, 1, NULL, NULL, h, call_js, &h->tsfn) != napi_ok) {
    close(sock); close(h->stop_fd); close(h->notify_fd); free_handle(h); napi_throw_error(env, "XDR_NATIVE", "threadsafe function"); return NULL;
  }
  // The native threads must not keep the event loop alive on their own.
  napi_unref_threadsafe_function(env, h->tsfn);
  if (split_cpus(h) >= 2) h->exec_sock = open_exec_socket(actual);
  int started = pthread_create(&h->notifier, NULL, notifier_main, h) == 0;
  h->notifier_started = started;
  pthread_attr_t ta;
  pthread_attr_init(&ta);
  pthread_attr_setstacksize(&ta, READER_STACK);
  for (int i = 0; started && i < READERS; i++) {
    reader_arg *a = malloc(sizeof *a);
    if (a) { a->h = h; a->index = i; }
    started = a && pthread_create(&h->readers[i], &ta, reader_main, a) == 0;
    if (started) h->readers_started++;
    else free(a);
  }
  pthread_attr_destroy(&ta);
  if (started && h->exec_sock >= 0) {
    h->exec_thread_started = pthread_create(&h->exec_thread, NULL, exec_main, h) == 0;
    if (!h->exec_thread_started) { close(h->exec_sock); h->exec_sock = -1; }
  }
  if (started) started = h->thread_started = pthread_create(&h->thread, NULL, receiver_main, h) == 0;
  if (!started) {
    join_threads(h);
    if (h->exec_sock >= 0) close(h->exec_sock);
    close(sock); close(h->stop_fd); close(h->notify_fd); napi_release_threadsafe_function(h->tsfn, napi_tsfn_abort); free_handle(h);
    napi_throw_error(env, "XDR_NATIVE", "pthread_create failed"); return NULL;
  }
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
    (double)h->received, (double)h->enobufs, (double)h->seq_lost, (double)(h->dropped_queue + h->dropped_ring),
    (double)h->bufs[h->fill].n, (double)h->rcvbuf, h->rt_ok ? h->rt_priority : 0,
    (double)h->execs, (double)h->exec_exited, (double)h->exec_reaped, (double)h->delay_over_1ms, (double)h->delay_max_us,
    (double)h->slow_reads, (double)h->slow_read_max_us,
    READERS, (double)h->rt_readers, (double)h->readers_busy_max, (double)h->out_of_order,
    (double)h->stuck, (double)h->unfinished, (double)h->late_reads,
    (double)h->pending_max, (double)h->read_queue_max, (double)h->dropped_ring,
    (double)h->receive_over_1ms, (double)h->receive_max_us, (double)h->handoff_over_1ms, (double)h->handoff_max_us,
    (double)h->exec_thread_started, (double)h->xt_opened, (double)h->xt_took, (double)h->xt_skipped, (double)h->xt_no_slot,
    (double)h->orphan_reads, (double)h->exec_sock_other,
    (double)h->receiver_reads,
    (double)h->reader_reads, (double)(SLOTS_MAX - h->nfree), (double)h->exec_sock_enobufs,
  };
  pthread_mutex_unlock(&h->mu);
  static const char *names[] = {
    "received", "enobufs", "seqLost", "queueDropped", "queued", "rcvbuf", "realtime",
    "execs", "execExited", "execReaped", "execReadOver1ms", "execReadMaxUs", "slowReads", "slowReadMaxUs",
    "readers", "realtimeReaders", "readersBusyMax", "readsOutOfOrder",
    "execStuck", "execUnfinished", "lateReads",
    "pendingMax", "readQueueMax", "pendingDropped",
    "receiveOver1ms", "receiveMaxUs", "handoffOver1ms", "handoffMaxUs",
    "execThread", "execThreadReads", "execThreadTookQueued", "execThreadSkipped", "execThreadNoSlot", "orphanReads", "execSocketOther",
    "receiverReads",
    "readerReads", "execsInFlight", "execSocketEnobufs",
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
