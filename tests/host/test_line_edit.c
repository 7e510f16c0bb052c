/*
 * tests/host/test_line_edit.c - the console's line editor, byte by byte,
 * with the echo recorded and compared.
 */
#include <stdio.h>
#include <string.h>

#include "kernel/line_edit.h"
#include "tap.h"

#define UP     "\x1b[A"
#define DOWN   "\x1b[B"
#define LEFT   "\x1b[D"
#define RUBOUT "\x7f" /* DEL: what the Backspace key sends */
#define BS     "\x08"
#define CTRL_C "\x03"
#define CTRL_U "\x15"
#define ERASE1 "\b \b"

static char echoed[65536];
static size_t echoed_length;
static unsigned events_seen; /* events other than LINE_NONE since the last feed */

static void record_echo(const char *text, size_t length)
{
	if (echoed_length + length < sizeof(echoed)) {
		memcpy(echoed + echoed_length, text, length);
		echoed_length += length;
		echoed[echoed_length] = '\0';
	}
}

static void forget_echo(void)
{
	echoed_length = 0;
	echoed[0] = '\0';
}

/* Feed length bytes; the last event other than LINE_NONE (events_seen counts them). */
static enum line_event feed_bytes(struct line_editor *editor, const char *bytes, size_t length)
{
	enum line_event last = LINE_NONE;

	events_seen = 0;
	for (size_t i = 0; i < length; i++) {
		enum line_event event = line_edit_feed(editor, bytes[i]);

		if (event != LINE_NONE) {
			last = event;
			events_seen++;
		}
	}
	return last;
}

static enum line_event feed(struct line_editor *editor, const char *text)
{
	return feed_bytes(editor, text, strlen(text));
}

/* A fresh editor with the recording echo, and an empty record. */
static void fresh(struct line_editor *editor)
{
	line_edit_init(editor, record_echo);
	forget_echo();
}

/* Submit each line with CR, then forget the echo. */
static void submit_all(struct line_editor *editor, const char *const *lines, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		feed(editor, lines[i]);
		feed(editor, "\r");
	}
	forget_echo();
}

static void test_typing_and_enter(void)
{
	struct line_editor editor;

	fresh(&editor);
	TAP_EQ_U32(LINE_NONE, feed(&editor, "help me"), "typing: nothing finished");
	TAP_EQ_STR("help me", echoed, "typing: printable bytes echoed");
	TAP_EQ_U32(LINE_READY, feed(&editor, "\r"), "CR: the line is ready");
	TAP_EQ_STR("help me\n", echoed, "CR: echoes a newline");
	TAP_EQ_STR("help me", line_edit_line(&editor), "CR: the line as typed");

	fresh(&editor);
	TAP_EQ_U32(LINE_READY, feed(&editor, "\n"), "LF alone: an empty line is ready too");
	TAP_EQ_STR("", line_edit_line(&editor), "LF alone: the line is empty");
	TAP_EQ_STR("\n", echoed, "LF alone: echoes a newline");

	TAP_EQ_U32(LINE_READY, feed(&editor, " !~\r"), "the printable range's edges: space, !, ~");
	TAP_EQ_STR(" !~", line_edit_line(&editor), "the edges are kept");
}

static void test_enter_pairs(void)
{
	struct line_editor editor;

	fresh(&editor);
	TAP_EQ_U32(LINE_READY, feed(&editor, "one\r\n"), "CR LF: ready");
	TAP_EQ_U32(1, events_seen, "CR LF: one Enter, not two");
	TAP_EQ_STR("one", line_edit_line(&editor), "CR LF: the LF leaves the line alone");
	TAP_EQ_STR("one\n", echoed, "CR LF: one newline echoed");
	fresh(&editor);
	feed(&editor, "two\n\r");
	TAP_EQ_U32(1, events_seen, "LF CR: one Enter");
	TAP_EQ_STR("two", line_edit_line(&editor), "LF CR: the line");
	fresh(&editor);
	feed(&editor, "three\r\n\r\n");
	TAP_EQ_U32(2, events_seen, "CR LF CR LF: two Enters");
	TAP_EQ_STR("", line_edit_line(&editor), "the second one an empty line");
	fresh(&editor);
	feed(&editor, "\r\r");
	TAP_EQ_U32(2, events_seen, "CR CR: two Enters");
	fresh(&editor);
	feed(&editor, "\n\n");
	TAP_EQ_U32(2, events_seen, "LF LF: two Enters");
	fresh(&editor);
	feed(&editor, "\r\n\n");
	TAP_EQ_U32(2, events_seen, "CR LF LF: the pair, then another Enter");
	fresh(&editor);
	feed(&editor, "\r\n\r");
	TAP_EQ_U32(2, events_seen, "CR LF CR: the pair, then another Enter");
	fresh(&editor);
	feed(&editor, "\r");
	TAP_EQ_U32(LINE_READY, feed(&editor, "x\n"), "CR, then x LF: the LF is an Enter");
	TAP_EQ_STR("x", line_edit_line(&editor), "only the byte right after an Enter pairs");
}

static void test_erasing(void)
{
	struct line_editor editor;

	fresh(&editor);
	feed(&editor, "abc" RUBOUT);
	TAP_EQ_STR("abc" ERASE1, echoed, "DEL: erases on the screen");
	feed(&editor, BS);
	TAP_EQ_STR("abc" ERASE1 ERASE1, echoed, "BS: the same");
	feed(&editor, RUBOUT RUBOUT BS);
	TAP_EQ_STR("abc" ERASE1 ERASE1 ERASE1, echoed, "on an empty line: nothing more");
	TAP_EQ_U32(LINE_READY, feed(&editor, "d\r"), "then a new character and Enter");
	TAP_EQ_STR("d", line_edit_line(&editor), "only what was left is submitted");

	forget_echo();
	feed(&editor, "hello" CTRL_U);
	TAP_EQ_STR("hello" ERASE1 ERASE1 ERASE1 ERASE1 ERASE1, echoed,
		   "Ctrl-U: one erase per character");
	feed(&editor, CTRL_U);
	TAP_EQ_STR("hello" ERASE1 ERASE1 ERASE1 ERASE1 ERASE1, echoed,
		   "Ctrl-U on an empty line: nothing");
	feed(&editor, "bye\r");
	TAP_EQ_STR("bye", line_edit_line(&editor), "Ctrl-U: the line starts again");
}

static void test_cancel(void)
{
	struct line_editor editor;

	fresh(&editor);
	feed(&editor, "first\r");
	forget_echo();
	TAP_EQ_U32(LINE_CANCELLED, feed(&editor, "rm all" CTRL_C), "Ctrl-C: cancelled");
	TAP_EQ_STR("rm all^C\n", echoed, "Ctrl-C: echoes ^C and a newline");
	TAP_EQ_U32(LINE_READY, feed(&editor, "\r"), "Ctrl-C: then Enter");
	TAP_EQ_STR("", line_edit_line(&editor), "Ctrl-C: the line was dropped");
	forget_echo();
	feed(&editor, UP);
	TAP_EQ_STR("first", echoed, "Ctrl-C: the dropped line is not in history");
}

static void type_repeated(struct line_editor *editor, char c, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		line_edit_feed(editor, c);
}

static void test_too_long(void)
{
	struct line_editor editor;
	char full[LINE_EDIT_MAX + 1];

	memset(full, 'a', LINE_EDIT_MAX);
	full[LINE_EDIT_MAX] = '\0';

	fresh(&editor);
	type_repeated(&editor, 'a', LINE_EDIT_MAX);
	TAP_EQ_U32(LINE_READY, feed(&editor, "\r"), "exactly LINE_EDIT_MAX characters: ready");
	TAP_EQ_STR(full, line_edit_line(&editor), "all of them");

	fresh(&editor);
	type_repeated(&editor, 'a', LINE_EDIT_MAX);
	feed(&editor, "bcd");
	TAP_EQ_U32(LINE_EDIT_MAX, echoed_length, "past the limit: nothing more echoed");
	TAP_OK(strchr(echoed, 'b') == NULL, "the refused bytes are not echoed");
	TAP_EQ_U32(LINE_TOO_LONG, feed(&editor, "\r"), "Enter on it: too long");
	TAP_EQ_STR("\n", echoed + LINE_EDIT_MAX, "too long: echoes a newline");
	TAP_EQ_U32(LINE_READY, feed(&editor, "ok\r"), "the next line starts fresh");
	TAP_EQ_STR("ok", line_edit_line(&editor), "and holds only its own text");
	forget_echo();
	feed(&editor, UP UP);
	TAP_EQ_STR("ok", echoed, "the overlong line is not in history");

	fresh(&editor);
	type_repeated(&editor, 'a', LINE_EDIT_MAX + 5);
	feed(&editor, RUBOUT RUBOUT);
	TAP_EQ_U32(LINE_TOO_LONG, feed(&editor, "\r"), "trimmed a little: still too long");

	fresh(&editor);
	type_repeated(&editor, 'a', LINE_EDIT_MAX + 1);
	type_repeated(&editor, '\x7f', LINE_EDIT_MAX);
	TAP_EQ_U32(LINE_READY, feed(&editor, "ok\r"), "erased to nothing: the mark goes");
	TAP_EQ_STR("ok", line_edit_line(&editor), "and the new text is the line");

	fresh(&editor);
	type_repeated(&editor, 'a', LINE_EDIT_MAX + 1);
	TAP_EQ_U32(LINE_READY, feed(&editor, CTRL_U "ok\r"), "Ctrl-U: the mark goes too");

	fresh(&editor);
	type_repeated(&editor, 'a', LINE_EDIT_MAX + 1);
	TAP_EQ_U32(LINE_CANCELLED, feed(&editor, CTRL_C), "Ctrl-C on an overlong line: cancelled");
	TAP_EQ_U32(LINE_READY, feed(&editor, "\r"), "and the mark is gone");
}

static void test_history(void)
{
	static const char *const lines[] = { "one", "two", "three" };
	struct line_editor editor;

	fresh(&editor);
	feed(&editor, UP DOWN);
	TAP_EQ_STR("", echoed, "no history: up and down do nothing");
	submit_all(&editor, lines, 3);

	feed(&editor, "xy" UP);
	TAP_EQ_STR("xy" ERASE1 ERASE1 "three", echoed,
		   "up: the typed line erased, the newest shown");
	forget_echo();
	feed(&editor, UP);
	TAP_EQ_STR(ERASE1 ERASE1 ERASE1 ERASE1 ERASE1 "two", echoed, "up again: the one before");
	forget_echo();
	feed(&editor, UP);
	TAP_EQ_STR(ERASE1 ERASE1 ERASE1 "one", echoed, "up again: the oldest");
	forget_echo();
	feed(&editor, UP);
	TAP_EQ_STR("", echoed, "up at the oldest: nothing");
	TAP_EQ_STR("one", line_edit_line(&editor), "the oldest stays");
	forget_echo();
	feed(&editor, DOWN);
	TAP_EQ_STR(ERASE1 ERASE1 ERASE1 "two", echoed, "down: newer");
	feed(&editor, DOWN);
	TAP_EQ_STR("three", line_edit_line(&editor), "down: the newest");
	forget_echo();
	feed(&editor, DOWN);
	TAP_EQ_STR(ERASE1 ERASE1 ERASE1 ERASE1 ERASE1, echoed, "down past the newest: erased");
	TAP_EQ_STR("", line_edit_line(&editor), "down past the newest: an empty line");
	forget_echo();
	feed(&editor, DOWN);
	TAP_EQ_STR("", echoed, "down again: nothing");
	TAP_EQ_U32(LINE_READY, feed(&editor, UP "\r"), "a recalled line submitted as it is");
	TAP_EQ_STR("three", line_edit_line(&editor), "is that line");

	forget_echo();
	feed(&editor, "\x1bOA\x1bOA");
	TAP_EQ_STR("three" ERASE1 ERASE1 ERASE1 ERASE1 ERASE1 "two", echoed,
		   "ESC O A: up as well (and the resubmitted line was not stored twice)");
	forget_echo();
	feed(&editor, "\x1bOB");
	TAP_EQ_STR(ERASE1 ERASE1 ERASE1 "three", echoed, "ESC O B: down as well");
}

static void test_history_edits_and_dedupe(void)
{
	static const char *const lines[] = { "ls", "same", "same", "", "other", "same" };
	struct line_editor editor;

	fresh(&editor);
	submit_all(&editor, lines, 6);
	feed(&editor, UP);
	TAP_EQ_STR("same", line_edit_line(&editor), "newest: same");
	feed(&editor, UP);
	TAP_EQ_STR("other", line_edit_line(&editor), "then other (empty lines are not kept)");
	feed(&editor, UP);
	TAP_EQ_STR("same", line_edit_line(&editor), "then same: an earlier repeat is kept");
	feed(&editor, UP);
	TAP_EQ_STR("ls", line_edit_line(&editor), "then ls: the repeat in a row was kept once");

	feed(&editor, RUBOUT "og\r");
	TAP_EQ_STR("log", line_edit_line(&editor), "an edited recall submits the edited text");
	feed(&editor, UP);
	TAP_EQ_STR("log", line_edit_line(&editor), "the edited text is the newest entry");
	forget_echo();
	feed(&editor, UP UP UP UP UP);
	TAP_EQ_STR("ls", line_edit_line(&editor), "the entry it came from is unchanged");
	feed(&editor, CTRL_U DOWN);
	TAP_EQ_STR("same", line_edit_line(&editor), "down after Ctrl-U: from where recall was");
}

static void test_history_capacity(void)
{
	struct line_editor editor;
	char text[16];
	bool order_ok = true;

	fresh(&editor);
	for (unsigned i = 0; i < LINE_EDIT_HISTORY + 3; i++) {
		snprintf(text, sizeof(text), "line %u\r", i);
		feed(&editor, text);
	}
	for (unsigned i = 0; i < LINE_EDIT_HISTORY; i++) {
		feed(&editor, UP);
		snprintf(text, sizeof(text), "line %u", LINE_EDIT_HISTORY + 2 - i);
		order_ok = order_ok && strcmp(text, line_edit_line(&editor)) == 0;
	}
	TAP_OK(order_ok, "history: the last LINE_EDIT_HISTORY lines, newest first");
	forget_echo();
	feed(&editor, UP);
	TAP_EQ_STR("", echoed, "history: no older than those");
	TAP_EQ_STR("line 3", line_edit_line(&editor), "history: the oldest kept (0 to 2 are gone)");
}

static void test_escapes_swallowed(void)
{
	static const char *const sequences[] = {
		"\x1b[D",    /* left */
		"\x1b[C",    /* right */
		"\x1b[3~",   /* Delete */
		"\x1b[5~",   /* Page Up */
		"\x1b[1;5A", /* Ctrl-Up: parameters, so not up */
		"\x1b[?25h", /* a private parameter */
		"\x1bOP",    /* F1 */
		"\x1bx",     /* Alt-x */
	};
	struct line_editor editor;

	fresh(&editor);
	feed(&editor, "ab");
	for (unsigned i = 0; i < sizeof(sequences) / sizeof(sequences[0]); i++)
		feed(&editor, sequences[i]);
	feed(&editor, "c");
	TAP_EQ_STR("abc", echoed, "escape sequences: nothing echoed");
	TAP_EQ_U32(LINE_READY, feed(&editor, "\r"), "escape sequences: then Enter");
	TAP_EQ_STR("abc", line_edit_line(&editor), "escape sequences: none in the line");
	forget_echo();
	feed(&editor, "\x1b[2A");
	TAP_EQ_STR("", echoed, "ESC [ 2 A (with a parameter) is not up");

	fresh(&editor);
	TAP_EQ_U32(LINE_READY, feed(&editor, "go\x1b[1\r"), "a CR inside a sequence: Enter");
	TAP_EQ_STR("go", line_edit_line(&editor), "and the sequence is dropped");
	TAP_EQ_U32(LINE_CANCELLED, feed(&editor, "x\x1b" CTRL_C), "Ctrl-C after ESC: still Ctrl-C");
	feed(&editor, "y\x1b\x1b[Dz\r");
	TAP_EQ_STR("yz", line_edit_line(&editor), "ESC ESC [ D: the second ESC starts over");
	feed(&editor, "ab\x1b" RUBOUT "\r");
	TAP_EQ_STR("a", line_edit_line(&editor), "DEL after ESC: still erases");
}

static void test_ignored_bytes(void)
{
	/* tab, NUL, bell, Ctrl-A, Ctrl-Z, 0x1F, and bytes from 0x80 up */
	static const char ignored[] = {
		'\t', '\0', '\a', 0x01, 0x1A, 0x1F, (char)0x80, (char)0xC3, (char)0xFF,
	};
	struct line_editor editor;

	fresh(&editor);
	feed(&editor, "a");
	feed_bytes(&editor, ignored, sizeof(ignored));
	TAP_EQ_U32(0, events_seen, "ignored bytes: no event");
	TAP_EQ_STR("a", echoed, "ignored bytes: no echo");
	feed(&editor, "b\r");
	TAP_EQ_STR("ab", line_edit_line(&editor), "ignored bytes: not in the line");
}

/* Pasted line i: a command with a tail of i % 40 dots, then ending. */
static size_t format_pasted_line(char *out, size_t size, unsigned i, const char *ending)
{
	return (size_t)snprintf(out, size, "poke 0x%08x %u%.*s%s", i * 4, i, (int)(i % 40),
				"........................................", ending);
}

/* 300 lines of varying length, ended by CRLF, LF or CR in turn, fed as one paste. */
static void test_long_paste(void)
{
	static char paste[32768], expected_echo[32768];
	static const char *const endings[] = { "\r\n", "\n", "\r" };
	struct line_editor editor;
	size_t paste_length = 0, echo_length = 0;
	unsigned ready = 0;
	bool lines_ok = true;

	for (unsigned i = 0; i < 300; i++) {
		paste_length += format_pasted_line(paste + paste_length,
						   sizeof(paste) - paste_length, i, endings[i % 3]);
		echo_length += format_pasted_line(expected_echo + echo_length,
						  sizeof(expected_echo) - echo_length, i, "\n");
	}
	fresh(&editor);
	for (size_t i = 0; i < paste_length; i++) {
		enum line_event event = line_edit_feed(&editor, paste[i]);
		char expected[LINE_EDIT_MAX + 1];

		if (event == LINE_NONE)
			continue;
		format_pasted_line(expected, sizeof(expected), ready, "");
		lines_ok = lines_ok && event == LINE_READY &&
			   strcmp(expected, line_edit_line(&editor)) == 0;
		ready++;
	}
	TAP_EQ_U32(300, ready, "paste: one line per line pasted");
	TAP_OK(lines_ok, "paste: each line as pasted");
	TAP_OK(echoed_length == echo_length && strcmp(expected_echo, echoed) == 0,
	       "paste: the echo is the lines, each with one newline");
}

static void test_without_echo(void)
{
	struct line_editor editor;

	line_edit_init(&editor, NULL);
	feed(&editor, "one\rtwo" RUBOUT CTRL_U "x" UP DOWN UP LEFT CTRL_C);
	TAP_EQ_U32(LINE_CANCELLED, feed(&editor, "abc" CTRL_C), "no echo: Ctrl-C still cancels");
	TAP_EQ_U32(LINE_READY, feed(&editor, UP RUBOUT "e\r"), "no echo: editing works");
	TAP_EQ_STR("one", line_edit_line(&editor), "no echo: the edited recall");
}

int main(void)
{
	tap_plan(96);
	test_typing_and_enter();
	test_enter_pairs();
	test_erasing();
	test_cancel();
	test_too_long();
	test_history();
	test_history_edits_and_dedupe();
	test_history_capacity();
	test_escapes_swallowed();
	test_ignored_bytes();
	test_long_paste();
	test_without_echo();
	return tap_done();
}
