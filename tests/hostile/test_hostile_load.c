/*
 * Hostile modules: what an attacker, a broken USB stick or a half-copied
 * file could put in front of the loader. Each one must be refused with a
 * clear error, quickly, without the library printing anything, without
 * touching the network, and without a byte of a local file ending up in a
 * message or in the course model.
 *
 * Fixtures live in tests/data/hostile/; secret.txt there holds a marker
 * that a naive parser would copy into the module (external entities,
 * parameter entities, XInclude). Inputs that are large or need a live
 * socket are generated here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/diag.h"
#include "core/model.h"
#include "io/loader.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIXTURES HRC_TEST_DATA "/hostile"
#define SECRET "HRC-HOSTILE-SECRET-5d1c0e8a"
#define PASSWD_MARKER "root:x:0:0"

/* A module every later input is a corruption of; it must load. */
#define MODULE_HEAD                                                        \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                         \
    "<module format=\"1\" id=\"control\" version=\"1\" xml:lang=\"en\">\n" \
    "  <meta>\n"                                                           \
    "    <title>Control</title>\n"                                         \
    "    <summary>A small valid module</summary>\n"                        \
    "    <author>Tests</author>\n"                                         \
    "    <licence>CC BY 4.0</licence>\n"                                   \
    "  </meta>\n"                                                          \
    "  <page id=\"p1\">\n"                                                 \
    "    <title>Page</title>\n"
#define MODULE_TAIL \
    "  </page>\n"   \
    "</module>\n"
static const char valid_module[] = MODULE_HEAD "    <p>Text</p>\n" MODULE_TAIL;

/* ---- Buffers, files, scratch folders ----------------------------------- */

typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static void buf_append(buffer *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = realloc(b->data, cap);
        assert_non_null(b->data);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(buffer *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

static void buf_repeat(buffer *b, const char *s, size_t times)
{
    for (size_t i = 0; i < times; i++)
        buf_puts(b, s);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    buffer b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    if (!b.data)
        buf_append(&b, "", 0);
    *len = b.len;
    return b.data;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* memmem, but NUL bytes in the haystack are fine and NULL is empty. */
static bool contains(const char *hay, size_t len, const char *needle)
{
    return hay && memmem(hay, len, needle, strlen(needle)) != NULL;
}

static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; p && *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

/* A scratch folder per test, removed with its files afterwards. */
typedef struct scratch {
    char dir[256];
    char paths[8][320];
    int n_paths;
} scratch;

static void scratch_open(scratch *s)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof(s->dir), "%s/hrc-hostile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(s->dir));
    s->n_paths = 0;
}

static const char *scratch_path(scratch *s, const char *name)
{
    assert_true(s->n_paths < 8);
    char path[sizeof(s->paths[0])];
    int n = snprintf(path, sizeof(path), "%s/%s", s->dir, name);
    assert_true(n > 0 && (size_t)n < sizeof(path));
    char *p = s->paths[s->n_paths++];
    memcpy(p, path, (size_t)n + 1);
    return p;
}

static void scratch_close(scratch *s)
{
    for (int i = s->n_paths - 1; i >= 0; i--)
        remove(s->paths[i]);
    rmdir(s->dir);
}

/* ---- Scanning a loaded module for leaked text --------------------------- */

static bool text_has(const hrc_text *t, const char *needle)
{
    for (size_t i = 0; i < t->n_variants; i++) {
        const hrc_variant *v = &t->variants[i];
        if (strstr(v->plain, needle))
            return true;
        for (size_t j = 0; j < v->n_spans; j++)
            if (strstr(v->spans[j].text, needle))
                return true;
    }
    return false;
}

static bool texts_have(const hrc_text *t, size_t n, const char *needle)
{
    for (size_t i = 0; i < n; i++)
        if (text_has(&t[i], needle))
            return true;
    return false;
}

static bool image_has(const hrc_image *im, const char *needle)
{
    return (im->src && strstr(im->src, needle)) || text_has(&im->alt, needle) ||
           text_has(&im->credit, needle) || text_has(&im->caption, needle);
}

static bool blocks_have(const hrc_block *b, size_t n, const char *needle)
{
    for (size_t i = 0; i < n; i++)
        if (text_has(&b[i].text, needle) || text_has(&b[i].source, needle) ||
            texts_have(b[i].items, b[i].n_items, needle) ||
            (b[i].kind == HRC_BLOCK_IMAGE && image_has(&b[i].image, needle)))
            return true;
    return false;
}

static bool question_has(const hrc_question *q, const char *needle)
{
    if (text_has(&q->prompt, needle) || text_has(&q->explanation, needle) ||
        texts_have(q->hints, q->n_hints, needle))
        return true;
    for (size_t i = 0; i < q->n_choices; i++)
        if (text_has(&q->choices[i].text, needle) ||
            text_has(&q->choices[i].feedback, needle))
            return true;
    for (size_t i = 0; i < q->n_pairs; i++)
        if (text_has(&q->pairs[i].left, needle) || text_has(&q->pairs[i].right, needle))
            return true;
    return false;
}

static bool item_has(const hrc_item *it, const char *needle)
{
    switch (it->kind) {
    case HRC_ITEM_PAGE:
        return text_has(&it->u.page->title, needle) ||
               blocks_have(it->u.page->blocks, it->u.page->n_blocks, needle);
    case HRC_ITEM_TIMELINE: {
        const hrc_timeline *tl = it->u.timeline;
        if (text_has(&tl->title, needle) || text_has(&tl->intro, needle))
            return true;
        for (size_t i = 0; i < tl->n_eras; i++) {
            const hrc_era *era = &tl->eras[i];
            if (text_has(&era->title, needle) || text_has(&era->text, needle))
                return true;
            for (size_t j = 0; j < era->n_events; j++) {
                const hrc_event *ev = &era->events[j];
                if (text_has(&ev->headline, needle) || text_has(&ev->text, needle) ||
                    (ev->has_image && image_has(&ev->image, needle)))
                    return true;
            }
        }
        return false;
    }
    case HRC_ITEM_CASE: {
        const hrc_case *c = it->u.case_study;
        if (text_has(&c->title, needle) || text_has(&c->place, needle) ||
            text_has(&c->country, needle) ||
            blocks_have(c->context, c->n_context, needle) ||
            texts_have(c->actions, c->n_actions, needle) ||
            blocks_have(c->outcomes, c->n_outcomes, needle))
            return true;
        for (size_t i = 0; i < c->n_sources; i++)
            if (text_has(&c->sources[i].text, needle) ||
                (c->sources[i].href && strstr(c->sources[i].href, needle)))
                return true;
        return false;
    }
    case HRC_ITEM_QUIZ: {
        const hrc_quiz *q = it->u.quiz;
        if (text_has(&q->title, needle) || text_has(&q->intro, needle))
            return true;
        for (size_t i = 0; i < q->n_questions; i++)
            if (question_has(&q->questions[i], needle))
                return true;
        return false;
    }
    }
    return false;
}

static bool module_has(const hrc_module *m, const char *needle)
{
    if (text_has(&m->title, needle) || text_has(&m->summary, needle) ||
        text_has(&m->audience, needle) || (m->licence && strstr(m->licence, needle)))
        return true;
    for (size_t i = 0; i < m->n_authors; i++)
        if (strstr(m->authors[i], needle))
            return true;
    for (size_t i = 0; i < m->n_items; i++)
        if (item_has(&m->items[i], needle))
            return true;
    return false;
}

/* ---- Loading with stdout and stderr captured ---------------------------- */

typedef struct outcome {
    int rc;
    hrc_module *module;
    hrc_diags diags;
    char *printed; /* whatever reached fd 1 or 2 during the load */
    size_t printed_len;
} outcome;

typedef struct load_request {
    const char *path;
    const char *data; /* NULL: load `path` from disk */
    size_t size;
    size_t max_bytes;
} load_request;

/*
 * While a load runs, fds 1 and 2 point at a temporary file, so that
 * anything libxml2 or the loader prints on its own is caught. Should the
 * process abort meanwhile (a sanitizer report), the handler puts the
 * streams back and replays what was caught, so the report is not lost.
 * UBSan exits without abort() unless told otherwise; these defaults are
 * read by its runtime, and UBSAN_OPTIONS still takes precedence.
 */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
    return "abort_on_error=1";
}

static struct {
    FILE *sink;
    int out, err;
    volatile sig_atomic_t active;
} capture;

static void replay_capture_and_abort(int sig)
{
    if (capture.active) {
        dup2(capture.out, 1);
        dup2(capture.err, 2);
        int fd = fileno(capture.sink);
        lseek(fd, 0, SEEK_SET);
        char chunk[4096];
        ssize_t n;
        while ((n = read(fd, chunk, sizeof(chunk))) > 0)
            (void)!write(2, chunk, (size_t)n);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void capture_begin(void)
{
    capture.sink = tmpfile();
    assert_non_null(capture.sink);
    fflush(stdout);
    fflush(stderr);
    capture.out = dup(1);
    capture.err = dup(2);
    assert_true(capture.out >= 0 && capture.err >= 0);
    signal(SIGABRT, replay_capture_and_abort);
    capture.active = 1;
    assert_true(dup2(fileno(capture.sink), 1) >= 0 && dup2(fileno(capture.sink), 2) >= 0);
}

/* Puts the streams back; returns what was printed (NUL-terminated). */
static char *capture_end(size_t *len)
{
    fflush(stdout);
    fflush(stderr);
    dup2(capture.out, 1);
    dup2(capture.err, 2);
    capture.active = 0;
    signal(SIGABRT, SIG_DFL);
    close(capture.out);
    close(capture.err);
    buffer b = {0};
    buf_append(&b, "", 0);
    rewind(capture.sink);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), capture.sink)) > 0)
        buf_append(&b, chunk, n);
    fclose(capture.sink);
    capture.sink = NULL;
    *len = b.len;
    return b.data;
}

/* Callers hold one outcome at a time. One that a failed assertion left
 * behind is freed by the next load or the group teardown, so that
 * LeakSanitizer reports only leaks of the loader. */
static outcome *pending;
static void outcome_free(outcome *o);

/* Runs one load with its output captured. */
static outcome *load_captured(const load_request *req)
{
    outcome_free(pending);
    outcome *o = calloc(1, sizeof(*o));
    assert_non_null(o);
    pending = o;
    hrc_diags_init(&o->diags);
    hrc_load_options opts = {.max_bytes = req->max_bytes};

    capture_begin();
    if (req->data)
        o->rc = hrc_module_load_memory(req->data, req->size, req->path, &opts,
                                       &o->module, &o->diags);
    else
        o->rc = hrc_module_load(req->path, &opts, &o->module, &o->diags);
    o->printed = capture_end(&o->printed_len);
    return o;
}

static void outcome_free(outcome *o)
{
    if (!o)
        return;
    if (pending == o)
        pending = NULL;
    hrc_module_free(o->module);
    hrc_diags_clear(&o->diags);
    free(o->printed);
    free(o);
}

/* The generated input of the running test, likewise kept for cleanup. */
static buffer input;

static buffer *fresh_input(void)
{
    input.len = 0;
    return &input;
}

static int free_pending(void **state)
{
    outcome_free(pending);
    free(input.data);
    input = (buffer){0};
    return 0;
}

static void print_diags(const outcome *o)
{
    for (size_t i = 0; i < o->diags.count; i++)
        hrc_diag_format(&o->diags.items[i], stderr);
}

/* What holds for every load, accepted or not: silence and no leaked file
 * contents anywhere the learner or author could see them. */
static void assert_quiet_and_sealed(const outcome *o)
{
    if (o->printed_len) {
        print_message("the library printed %zu bytes:\n%.2000s\n", o->printed_len,
                      o->printed);
        fail_msg("output during load");
    }
    for (size_t i = 0; i < o->diags.count; i++) {
        const hrc_diag *d = &o->diags.items[i];
        assert_non_null(d->message);
        if (contains(d->message, strlen(d->message), SECRET) ||
            contains(d->message, strlen(d->message), PASSWD_MARKER))
            fail_msg("a diagnostic quotes a local file: %.300s", d->message);
        /* One short line an author can read; never a copy of the input. */
        if (strlen(d->message) > 4096)
            fail_msg("diagnostic of %zu bytes: %.200s...", strlen(d->message), d->message);
        assert_null(strchr(d->message, '\n'));
    }
    if (o->module) {
        assert_false(module_has(o->module, SECRET));
        assert_false(module_has(o->module, PASSWD_MARKER));
    }
}

/*
 * A refused load: -1, no module, at least one error, and one error whose
 * message names the problem (any of `words`, case-insensitive) and, when
 * `want_line`, points at a line.
 */
static void assert_refused(const outcome *o, const char *const *words, bool want_line)
{
    assert_quiet_and_sealed(o);
    if (o->rc != -1 || o->module) {
        print_diags(o);
        fail_msg("a hostile module was accepted (rc %d)", o->rc);
    }
    assert_true(o->diags.n_errors >= 1);
    assert_true(o->diags.count >= 1);
    for (size_t i = 0; i < o->diags.count; i++) {
        const hrc_diag *d = &o->diags.items[i];
        if (d->severity != HRC_ERROR || (want_line && d->line == 0))
            continue;
        for (const char *const *w = words; *w; w++)
            if (contains_nocase(d->message, *w))
                return;
    }
    print_diags(o);
    fail_msg("no error %s names the problem (expected e.g. \"%s\")",
             want_line ? "with a line number" : "", words[0]);
}

/* Loads a file both ways (from disk and from memory) and checks both. */
static void assert_file_refused(const char *path, const char *const *words, bool want_line)
{
    outcome *o = load_captured(&(load_request){.path = path});
    assert_refused(o, words, want_line);
    outcome_free(o);

    size_t len;
    char *data = read_file(path, &len);
    o = load_captured(&(load_request){.path = path, .data = data, .size = len});
    assert_refused(o, words, want_line);
    outcome_free(o);
    free(data);
}

static void assert_bytes_refused(const char *data, size_t len, const char *const *words,
                                 bool want_line)
{
    scratch s;
    scratch_open(&s);
    const char *path = scratch_path(&s, "module.xml");
    write_file(path, data, len);
    assert_file_refused(path, words, want_line);
    scratch_close(&s);
}

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})
static const char *const doctype_words[] = {"DOCTYPE", "DTD", NULL};

/* ---- Tests ------------------------------------------------------------- */

static void the_control_module_loads_quietly(void **state)
{
    /* Every hostile case is refused for its own reason, not because the
     * surrounding module is wrong: the same module without it loads. */
    size_t len;
    char *secret = read_file(FIXTURES "/secret.txt", &len);
    assert_true(contains(secret, len, SECRET));
    free(secret);

    scratch s;
    scratch_open(&s);
    const char *path = scratch_path(&s, "control.xml");
    write_file(path, valid_module, strlen(valid_module));
    outcome *o = load_captured(&(load_request){.path = path});
    if (o->rc != 0)
        print_diags(o);
    assert_int_equal(o->rc, 0);
    assert_non_null(o->module);
    assert_quiet_and_sealed(o);
    assert_string_equal(o->module->id, "control");
    /* The scan used on every accepted module does see its texts. */
    assert_true(module_has(o->module, "Text"));
    assert_true(module_has(o->module, "small valid module"));
    assert_false(module_has(o->module, SECRET));
    outcome_free(o);
    scratch_close(&s);
}

static void external_entity_naming_a_system_file_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/xxe-passwd.xml", doctype_words, true);
}

static void external_entity_naming_a_file_beside_the_module_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/xxe-relative.xml", doctype_words, true);
}

static void parameter_entities_reading_a_local_file_are_refused(void **state)
{
    assert_file_refused(FIXTURES "/param-exfil.xml", doctype_words, true);
}

static void a_plain_doctype_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/doctype-plain.xml", doctype_words, true);
}

static void billion_laughs_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/billion-laughs.xml", doctype_words, true);
}

static void parameter_entity_bomb_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/param-bomb.xml", doctype_words, true);
}

static void quadratic_entity_blowup_is_refused(void **state)
{
    /* One 20 kB entity used 20,000 times: 400 MB if expanded. */
    buffer *b = fresh_input();
    buf_puts(b, "<?xml version=\"1.0\"?>\n<!DOCTYPE module [\n<!ENTITY big \"");
    buf_repeat(b, "0123456789", 2000);
    buf_puts(b, "\">\n]>\n"
                 "<module format=\"1\" id=\"quadratic\" version=\"1\" xml:lang=\"en\">\n"
                 "<meta><title>Q</title><summary>");
    buf_repeat(b, "&big;", 20000);
    buf_puts(b, "</summary><author>A</author><licence>L</licence></meta>\n"
                 "<page id=\"p1\"><title>T</title></page></module>\n");
    assert_bytes_refused(b->data, b->len, doctype_words, true);
}

/*
 * A listener on the loopback stands for the network. A child process
 * accepts each connection, reports it through a pipe, then hangs up, so a
 * loader that tries to fetch fails fast here instead of waiting on a
 * silent server. The report is written before the hang-up, so it is there
 * by the time the load returns.
 */
typedef struct listener {
    unsigned port;
    pid_t pid;
    int report_fd;
} listener;

static listener start_listener(void)
{
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(srv >= 0);
    struct sockaddr_in addr = {.sin_family = AF_INET,
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    assert_int_equal(bind(srv, (struct sockaddr *)&addr, sizeof(addr)), 0);
    assert_int_equal(listen(srv, 8), 0);
    socklen_t alen = sizeof(addr);
    assert_int_equal(getsockname(srv, (struct sockaddr *)&addr, &alen), 0);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        for (;;) {
            int conn = accept(srv, NULL, NULL);
            if (conn < 0)
                _exit(0);
            (void)!write(fds[1], "c", 1);
            close(conn);
        }
    }
    close(srv);
    close(fds[1]);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    return (listener){ntohs(addr.sin_port), pid, fds[0]};
}

/* Stops the listener; true when anything connected to it. */
static bool stop_listener(listener l)
{
    char c;
    bool connected = read(l.report_fd, &c, 1) == 1;
    close(l.report_fd);
    kill(l.pid, SIGKILL);
    waitpid(l.pid, NULL, 0);
    return connected;
}

static void a_dtd_on_the_network_is_never_fetched(void **state)
{
    static const char *const templates[] = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE module SYSTEM \"http://127.0.0.1:%u/module.dtd\">\n"
        "<module format=\"1\" id=\"net\" version=\"1\" xml:lang=\"en\">\n"
        "  <meta><title>&net;</title><summary>S</summary>"
        "<author>A</author><licence>L</licence></meta>\n"
        "  <page id=\"p1\"><title>T</title></page>\n"
        "</module>\n",
        /* The same through an external entity rather than the DTD. */
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE module [<!ENTITY net SYSTEM \"http://127.0.0.1:%u/x\">]>\n"
        "<module format=\"1\" id=\"net\" version=\"1\" xml:lang=\"en\">\n"
        "  <meta><title>&net;</title><summary>S</summary>"
        "<author>A</author><licence>L</licence></meta>\n"
        "  <page id=\"p1\"><title>T</title></page>\n"
        "</module>\n",
    };
    for (size_t i = 0; i < sizeof(templates) / sizeof(templates[0]); i++) {
        listener l = start_listener();
        char doc[1024];
        int n = snprintf(doc, sizeof(doc), templates[i], l.port);
        assert_true(n > 0 && (size_t)n < sizeof(doc));
        outcome *o = load_captured(&(load_request){
            .path = "network.xml", .data = doc, .size = (size_t)n});
        if (stop_listener(l))
            fail_msg("the loader connected to the network");
        assert_refused(o, doctype_words, true);
        outcome_free(o);
    }
    /* And the fixture the command-line test uses. */
    assert_file_refused(FIXTURES "/dtd-network.xml", doctype_words, true);
}

static void xinclude_of_a_local_file_is_not_followed(void **state)
{
    /* The schema knows no xi:include element: the module is refused and
     * the included file is never read into it. */
    assert_file_refused(FIXTURES "/xinclude.xml",
                        WORDS("include", "element", "expect", "schema", "invalid"), true);
}

static void deep_nesting_is_refused(void **state)
{
    enum { DEPTH = 100000 };
    buffer *b = fresh_input();
    buf_puts(b, MODULE_HEAD "    <p>");
    buf_repeat(b, "<em>", DEPTH);
    buf_puts(b, "deep");
    buf_repeat(b, "</em>", DEPTH);
    buf_puts(b, "</p>\n" MODULE_TAIL);
    assert_bytes_refused(b->data, b->len, WORDS("depth", "deep", "nest"), true);

    /* Unclosed, as a truncated deep file would be. */
    b->len = 0;
    buf_puts(b, "<module>");
    buf_repeat(b, "<page>", DEPTH);
    assert_bytes_refused(b->data, b->len, WORDS("depth", "deep", "nest"), true);
}

static void a_truncated_file_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/truncated.xml",
                        WORDS("end", "truncated", "premature", "not closed", "unclosed"),
                        true);
    /* Cut the control module at every seventh offset before its closing
     * tag: never accepted, never a crash, always an error. */
    size_t len = strlen(valid_module);
    for (size_t cut = 0; cut + sizeof("</module>\n") < len; cut += 7) {
        outcome *o = load_captured(&(load_request){
            .path = "cut.xml", .data = valid_module, .size = cut});
        assert_quiet_and_sealed(o);
        assert_int_equal(o->rc, -1);
        assert_null(o->module);
        assert_true(o->diags.n_errors >= 1);
        outcome_free(o);
    }
}

static void invalid_utf8_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/invalid-utf8.xml", WORDS("UTF-8", "UTF8", "encoding"),
                        true);
}

/* xorshift64*: the same bytes on every machine. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static void binary_garbage_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/garbage.xml", WORDS("error", "XML", "content",
                                                       "document", "UTF-8", "encoding"),
                        false);
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    char data[8192];
    for (int round = 0; round < 32; round++) {
        size_t len = 1 + next_random(&seed) % sizeof(data);
        for (size_t i = 0; i < len; i++)
            data[i] = (char)(next_random(&seed) >> 56);
        if (round % 2)
            memcpy(data, "<?xml version=\"1.0\"?><module ", len < 29 ? len : 29);
        outcome *o = load_captured(&(load_request){
            .path = "garbage.xml", .data = data, .size = len});
        assert_quiet_and_sealed(o);
        assert_int_equal(o->rc, -1);
        assert_null(o->module);
        assert_true(o->diags.n_errors >= 1);
        outcome_free(o);
    }
}

static void an_empty_file_is_refused(void **state)
{
    assert_file_refused(FIXTURES "/empty.xml", WORDS("empty"), false);
    /* White space only: nothing to load either. */
    assert_bytes_refused(" \n\t\n", 4,
                         WORDS("empty", "document", "content", "end", "expected"), false);
}

static void a_file_over_the_size_cap_is_refused(void **state)
{
    scratch s;
    scratch_open(&s);
    const char *path = scratch_path(&s, "big.xml");
    size_t len = strlen(valid_module);
    write_file(path, valid_module, len);

    /* Exactly at the cap is fine. */
    outcome *o = load_captured(&(load_request){.path = path, .max_bytes = len});
    assert_quiet_and_sealed(o);
    if (o->rc != 0)
        print_diags(o);
    assert_int_equal(o->rc, 0);
    outcome_free(o);

    /* One byte over is not, and the message says so. */
    o = load_captured(&(load_request){.path = path, .max_bytes = len - 1});
    assert_refused(o, WORDS("too large", "larger", "limit", "size"), false);
    outcome_free(o);

    /* Far over, the file is not read whole: a cap of 1 kB against 4 MB. */
    buffer *b = fresh_input();
    buf_puts(b, MODULE_HEAD);
    buf_repeat(b, "    <p>Filler filler filler filler filler filler filler.</p>\n", 70000);
    buf_puts(b, MODULE_TAIL);
    write_file(path, b->data, b->len);
    o = load_captured(&(load_request){.path = path, .max_bytes = 1024});
    assert_refused(o, WORDS("too large", "larger", "limit", "size"), false);
    outcome_free(o);
    scratch_close(&s);
}

static void a_huge_attribute_is_refused_with_a_short_message(void **state)
{
    /* 1 MB id: fine for the XML parser, not an identifier. */
    buffer *b = fresh_input();
    buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<module format=\"1\" id=\"");
    buf_repeat(b, "aaaaaaaaaaaaaaaa", 65536);
    buf_puts(b, "\" version=\"1\" xml:lang=\"en\">\n"
                 "  <meta><title>T</title><summary>S</summary>"
                 "<author>A</author><licence>L</licence></meta>\n"
                 "  <page id=\"p1\"><title>T</title></page>\n</module>\n");
    assert_bytes_refused(b->data, b->len, WORDS("id", "attribute", "invalid"), true);

    /* 12 MB attribute value: beyond what the parser accepts at all. */
    b->len = 0;
    buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<module format=\"1\" id=\"huge\" version=\"1\" xml:lang=\"");
    buf_repeat(b, "zzzzzzzzzzzzzzzz", 12 * 65536);
    buf_puts(b, "\">\n</module>\n");
    assert_bytes_refused(b->data, b->len,
                         WORDS("long", "huge", "large", "limit", "attribute", "lang"),
                         true);
}

static void a_huge_text_is_refused(void **state)
{
    /* 12 MB in one paragraph, under the file cap but beyond the parser's
     * limit for one text node: refused rather than read without bound. */
    buffer *b = fresh_input();
    buf_puts(b, MODULE_HEAD "    <p>");
    buf_repeat(b, "Human rights cities. ", 600000);
    buf_puts(b, "</p>\n" MODULE_TAIL);
    assert_bytes_refused(b->data, b->len, WORDS("long", "huge", "large", "limit", "text"),
                         true);
}

static void images_never_leave_the_course_folder(void **state)
{
    static const char *const escapes[] = {
        "/etc/passwd",
        "../../../../../../etc/passwd",
        "file:///etc/passwd",
        "outside/../../secret.png",
        "link.png", /* a symbolic link out of the folder */
    };
    scratch s;
    scratch_open(&s);
    const char *link = scratch_path(&s, "link.png");
    assert_int_equal(symlink("/etc/passwd", link), 0);
    const char *path = scratch_path(&s, "module.xml");
    for (size_t i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
        char doc[2048];
        int n = snprintf(doc, sizeof(doc),
                         MODULE_HEAD "    <image src=\"%s\"><alt>Alt</alt></image>\n"
                         MODULE_TAIL,
                         escapes[i]);
        assert_true(n > 0 && (size_t)n < sizeof(doc));
        write_file(path, doc, (size_t)n);
        outcome *o = load_captured(&(load_request){.path = path});
        assert_refused(o, WORDS("image", "path", "folder", "outside", "absolute", ".."),
                       true);
        outcome_free(o);
    }
    scratch_close(&s);
}

/* Empty and blank texts everywhere a text may stand: whatever the verdict,
 * no crash and no undefined behaviour (the sanitizers watch), and a
 * refusal comes with errors that point at lines. */
static void empty_texts_are_handled(void **state)
{
    static const char *const fills[] = {"", "   \n\t ", "<em/>", "<strong> <em></em> </strong>"};
    for (size_t i = 0; i < sizeof(fills) / sizeof(fills[0]); i++) {
        const char *f = fills[i];
        buffer *b = fresh_input();
        char part[2048];
        snprintf(part, sizeof(part),
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<module format=\"1\" id=\"blank\" version=\"1\" xml:lang=\"en\" "
                 "languages=\"en fr\">\n"
                 "  <meta><title>%s</title><title xml:lang=\"fr\">%s</title>"
                 "<summary>%s</summary><author>%s</author><licence>%s</licence>"
                 "<audience>%s</audience></meta>\n"
                 "  <page id=\"p1\"><title>%s</title><h2>%s</h2><p>%s</p>\n"
                 "    <ul><li>%s</li></ul><quote><text>%s</text><source>%s</source></quote>\n"
                 "    <keyfacts><title>%s</title><fact>%s</fact></keyfacts></page>\n",
                 f, f, f, f, f, f, f, f, f, f, f, f, f, f);
        buf_puts(b, part);
        snprintf(part, sizeof(part),
                 "  <quiz id=\"q\" pass=\"50\" attempts=\"1\"><title>%s</title>\n"
                 "    <single id=\"s\" rev=\"1\"><prompt>%s</prompt>\n"
                 "      <choice id=\"a\" correct=\"yes\"><text>%s</text><feedback>%s</feedback></choice>\n"
                 "      <choice id=\"b\"><text>%s</text></choice><hint>%s</hint>"
                 "<explanation>%s</explanation></single>\n"
                 "    <matching id=\"m\" rev=\"1\"><prompt>%s</prompt>\n"
                 "      <pair id=\"x\"><left>%s</left><right>%s</right></pair>\n"
                 "      <pair id=\"y\"><left>%s</left><right>%s</right></pair>"
                 "<explanation>%s</explanation></matching></quiz>\n"
                 "</module>\n",
                 f, f, f, f, f, f, f, f, f, f, f, f, f);
        buf_puts(b, part);
        outcome *o = load_captured(&(load_request){
            .path = "blank.xml", .data = b->data, .size = b->len});
        assert_quiet_and_sealed(o);
        if (o->rc == 0) {
            assert_non_null(o->module);
            assert_string_equal(o->module->id, "blank");
        } else {
            assert_int_equal(o->rc, -1);
            assert_null(o->module);
            assert_true(o->diags.n_errors >= 1);
            for (size_t j = 0; j < o->diags.count; j++)
                assert_true(o->diags.items[j].line > 0);
        }
        outcome_free(o);
    }
}

/* Numbers too large for any integer type. A quiz whose pass mark silently
 * became 0 would certify anyone; a module version that became 0 would
 * break progress keeping. Each must be refused or kept in range, never
 * replaced by a default. */
static void out_of_range_numbers_are_not_replaced_by_defaults(void **state)
{
    static const char big[] = "99999999999999999999999";
    static const char *const names[] = {"pass", "version", "minutes", "attempts"};
    char problems[1024] = "";
    for (size_t which = 0; which < sizeof(names) / sizeof(names[0]); which++) {
        char doc[2048];
        int n = snprintf(doc, sizeof(doc),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<module format=\"1\" id=\"numbers\" version=\"%s\" xml:lang=\"en\">\n"
            "  <meta><title>T</title><summary>S</summary><author>A</author>"
            "<licence>L</licence><minutes>%s</minutes></meta>\n"
            "  <quiz id=\"q\" pass=\"%s\" attempts=\"%s\"><title>Q</title>\n"
            "    <truefalse id=\"t\" rev=\"1\" answer=\"true\"><prompt>P</prompt>"
            "<explanation>E</explanation></truefalse>\n"
            "  </quiz>\n</module>\n",
            which == 1 ? big : "1", which == 2 ? big : "10", which == 0 ? big : "80",
            which == 3 ? big : "2");
        assert_true(n > 0 && (size_t)n < sizeof(doc));
        outcome *o = load_captured(&(load_request){
            .path = "numbers.xml", .data = doc, .size = (size_t)n});
        assert_quiet_and_sealed(o);
        if (o->rc == 0) {
            const hrc_module *m = o->module;
            assert_int_equal(m->n_items, 1);
            const hrc_quiz *q = m->items[0].u.quiz;
            int value = which == 0   ? q->pass_percent
                        : which == 1 ? m->version
                        : which == 2 ? m->minutes
                                     : q->max_attempts;
            bool replaced = which == 0 || (which == 1 && value < 1) ||
                            (which == 2 && value < 0) ||
                            (which == 3 && value == HRC_ATTEMPTS_UNLIMITED);
            if (replaced) {
                size_t used = strlen(problems);
                snprintf(problems + used, sizeof(problems) - used,
                         "\n  %s=\"%s\" accepted as %d", names[which], big, value);
            }
        } else {
            assert_refused(o, WORDS(names[which]), true);
        }
        outcome_free(o);
    }
    if (problems[0])
        fail_msg("out-of-range numbers replaced by defaults:%s", problems);
}

/*
 * A named pipe called module.xml (an ext4 USB stick can carry one) must be
 * refused, not waited on: opening it for reading blocks until a writer
 * comes. A child process stands by as the writer: if the load has not
 * returned within a second and someone has the pipe open for reading, it
 * opens it, which releases the loader, and exits 1, so a regression fails
 * here instead of hanging the kiosk (or this test until its timeout).
 */
typedef struct rescuer {
    pid_t pid;
    int done_fd; /* closed by the parent when the load returned */
} rescuer;

static rescuer start_fifo_rescuer(const char *fifo)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[1]);
        struct pollfd pfd = {.fd = fds[0], .events = POLLIN};
        if (poll(&pfd, 1, 1000) != 0)
            _exit(0); /* the load returned on its own */
        int fd = open(fifo, O_WRONLY | O_NONBLOCK);
        if (fd < 0)
            _exit(0); /* no reader: nobody was waiting */
        close(fd);
        _exit(1);
    }
    close(fds[0]);
    return (rescuer){pid, fds[1]};
}

static void assert_not_rescued(rescuer r)
{
    close(r.done_fd);
    int status = 0;
    assert_int_equal(waitpid(r.pid, &status, 0), r.pid);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) == 1)
        fail_msg("the loader blocked opening a named pipe until a writer came");
}

static void named_pipes_are_refused_without_waiting(void **state)
{
    scratch s;
    scratch_open(&s);
    const char *fifo = scratch_path(&s, "module.xml");
    assert_int_equal(mkfifo(fifo, 0600), 0);

    rescuer r = start_fifo_rescuer(fifo);
    outcome *o = load_captured(&(load_request){.path = fifo});
    assert_not_rescued(r);
    assert_refused(o, WORDS("regular file", "not a file", "pipe"), false);
    outcome_free(o);

    /* The same file met while loading a course folder at start-up. */
    r = start_fifo_rescuer(fifo);
    hrc_course *course = NULL;
    hrc_diags diags;
    hrc_diags_init(&diags);
    int rc = hrc_course_load(s.dir, &course, &diags);
    assert_not_rescued(r);
    assert_int_equal(rc, -1);
    assert_true(diags.n_errors >= 1);
    hrc_course_free(course);
    hrc_diags_clear(&diags);

    /* And an image that is a named pipe: the loader checks its signature. */
    const char *pipe_png = scratch_path(&s, "picture.png");
    assert_int_equal(mkfifo(pipe_png, 0600), 0);
    const char *path = scratch_path(&s, "images.xml");
    static const char doc[] =
        MODULE_HEAD "    <image src=\"picture.png\"><alt>Alt</alt></image>\n" MODULE_TAIL;
    write_file(path, doc, strlen(doc));
    r = start_fifo_rescuer(pipe_png);
    o = load_captured(&(load_request){.path = path});
    assert_not_rescued(r);
    assert_refused(o, WORDS("image", "regular", "PNG"), true);
    outcome_free(o);
    scratch_close(&s);
}

static void the_hostile_folder_fails_as_a_course_quietly(void **state)
{
    hrc_course *course = NULL;
    hrc_diags diags;
    hrc_diags_init(&diags);

    capture_begin();
    int rc = hrc_course_load(FIXTURES, &course, &diags);
    size_t printed;
    free(capture_end(&printed));

    assert_int_equal(printed, 0);
    assert_int_equal(rc, -1);
    if (course && course->n_modules) {
        char first[128];
        size_t n = course->n_modules;
        snprintf(first, sizeof(first), "%s", course->modules[0]->id);
        hrc_course_free(course);
        hrc_diags_clear(&diags);
        fail_msg("%zu hostile module(s) loaded, the first is \"%s\"", n, first);
    }
    /* One error at least for each of the 13 hostile .xml files. */
    assert_true(diags.n_errors >= 13);
    for (size_t i = 0; i < diags.count; i++) {
        assert_null(strstr(diags.items[i].message, SECRET));
        assert_null(strstr(diags.items[i].message, PASSWD_MARKER));
    }
    hrc_course_free(course);
    hrc_diags_clear(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_control_module_loads_quietly),
        cmocka_unit_test(external_entity_naming_a_system_file_is_refused),
        cmocka_unit_test(external_entity_naming_a_file_beside_the_module_is_refused),
        cmocka_unit_test(parameter_entities_reading_a_local_file_are_refused),
        cmocka_unit_test(a_plain_doctype_is_refused),
        cmocka_unit_test(billion_laughs_is_refused),
        cmocka_unit_test(parameter_entity_bomb_is_refused),
        cmocka_unit_test(quadratic_entity_blowup_is_refused),
        cmocka_unit_test(a_dtd_on_the_network_is_never_fetched),
        cmocka_unit_test(xinclude_of_a_local_file_is_not_followed),
        cmocka_unit_test(deep_nesting_is_refused),
        cmocka_unit_test(a_truncated_file_is_refused),
        cmocka_unit_test(invalid_utf8_is_refused),
        cmocka_unit_test(binary_garbage_is_refused),
        cmocka_unit_test(an_empty_file_is_refused),
        cmocka_unit_test(a_file_over_the_size_cap_is_refused),
        cmocka_unit_test(a_huge_attribute_is_refused_with_a_short_message),
        cmocka_unit_test(a_huge_text_is_refused),
        cmocka_unit_test(images_never_leave_the_course_folder),
        cmocka_unit_test(out_of_range_numbers_are_not_replaced_by_defaults),
        cmocka_unit_test(named_pipes_are_refused_without_waiting),
        cmocka_unit_test(the_hostile_folder_fails_as_a_course_quietly),
        /* Last: undefined behaviour aborts the whole program under UBSan. */
        cmocka_unit_test(empty_texts_are_handled),
    };
    return cmocka_run_group_tests(tests, NULL, free_pending);
}
