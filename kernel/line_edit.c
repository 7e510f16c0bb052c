/*
 * kernel/line_edit.c - the console's line editor (the rules are in
 * kernel/line_edit.h).
 *
 * One byte at a time through a small state machine: first the half of a
 * CR LF pair to drop, then an escape sequence in progress, then the byte on
 * its own. The display is kept equal to line[0..length): every change to
 * the line echoes exactly what makes the terminal show it, so erasing the
 * whole line is "\b \b" once per character held.
 *
 * History is a ring of LINE_EDIT_HISTORY slots, the newest just before
 * history_next; entry n (1 = newest) is in slot history_next - n, modulo
 * the size. Recalling copies an entry into line, so the entries only change
 * when a line is submitted.
 */
#include <string.h>

#include "kernel/line_edit.h"

#define CTRL_C    0x03
#define BACKSPACE 0x08
#define CTRL_U    0x15
#define ESC       0x1B
#define DEL       0x7F

_Static_assert(LINE_EDIT_HISTORY > 0, "history needs a slot");

static void echo_text(const struct line_editor *editor, const char *text, size_t length)
{
	if (editor->echo)
		editor->echo(text, length);
}

static void start_empty_line(struct line_editor *editor)
{
	editor->length = 0;
	editor->line[0] = '\0';
	editor->too_long = false;
	editor->recalled = 0;
}

static void append_character(struct line_editor *editor, char c)
{
	if (editor->length == LINE_EDIT_MAX) {
		editor->too_long = true;
		return;
	}
	editor->line[editor->length++] = c;
	editor->line[editor->length] = '\0';
	echo_text(editor, &c, 1);
}

static void erase_last_character(struct line_editor *editor)
{
	if (editor->length == 0)
		return;
	editor->line[--editor->length] = '\0';
	echo_text(editor, "\b \b", 3);
	if (editor->length == 0)
		editor->too_long = false; /* nothing left of the overlong line */
}

static void erase_line(struct line_editor *editor)
{
	while (editor->length > 0)
		erase_last_character(editor);
	editor->too_long = false;
}

/* Entry n of the history, 1 being the newest (n from 1 to history_count). */
static const char *history_entry(const struct line_editor *editor, unsigned n)
{
	return editor->history[(editor->history_next + LINE_EDIT_HISTORY - n) % LINE_EDIT_HISTORY];
}

static void history_add(struct line_editor *editor, const char *line)
{
	if (line[0] == '\0')
		return;
	if (editor->history_count > 0 && strcmp(history_entry(editor, 1), line) == 0)
		return;
	strcpy(editor->history[editor->history_next], line);
	editor->history_next = (editor->history_next + 1) % LINE_EDIT_HISTORY;
	if (editor->history_count < LINE_EDIT_HISTORY)
		editor->history_count++;
}

/* Show entry n in place of the line (n = 0: an empty line). */
static void recall(struct line_editor *editor, unsigned n)
{
	erase_line(editor);
	editor->recalled = n;
	if (n == 0)
		return;
	strcpy(editor->line, history_entry(editor, n));
	editor->length = strlen(editor->line);
	echo_text(editor, editor->line, editor->length);
}

static void recall_older(struct line_editor *editor)
{
	if (editor->recalled < editor->history_count)
		recall(editor, editor->recalled + 1);
}

static void recall_newer(struct line_editor *editor)
{
	if (editor->recalled > 0)
		recall(editor, editor->recalled - 1);
}

static enum line_event enter(struct line_editor *editor, char byte)
{
	editor->skip_pair = byte == '\r' ? '\n' : '\r';
	echo_text(editor, "\n", 1);
	if (editor->too_long) {
		start_empty_line(editor);
		return LINE_TOO_LONG;
	}
	history_add(editor, editor->line);
	editor->submitted = true;
	return LINE_READY;
}

static enum line_event cancel(struct line_editor *editor)
{
	echo_text(editor, "^C\n", 3);
	start_empty_line(editor);
	return LINE_CANCELLED;
}

static bool is_control(unsigned char c)
{
	return c < 0x20 || c == DEL;
}

/*
 * The byte inside an escape sequence. True when it was the sequence's (and
 * is used up); false when it ended the sequence without belonging to it (a
 * control byte, or a byte from 0x80 up), to be taken on its own.
 */
static bool feed_escape(struct line_editor *editor, unsigned char c)
{
	enum line_escape state = editor->escape;

	if (is_control(c) || c >= 0x80) {
		editor->escape = LINE_ESCAPE_NONE;
		return false;
	}
	switch (state) {
	case LINE_ESCAPE_STARTED:
		editor->escape_parameters = false;
		if (c == '[')
			editor->escape = LINE_ESCAPE_CSI;
		else if (c == 'O')
			editor->escape = LINE_ESCAPE_SS3;
		else
			editor->escape = LINE_ESCAPE_NONE; /* ESC and a key: Alt-key, ignored */
		return true;
	case LINE_ESCAPE_CSI:
		if (c < 0x40) { /* parameter (0x30-0x3F) or intermediate (0x20-0x2F) */
			editor->escape_parameters = true;
			return true;
		}
		editor->escape = LINE_ESCAPE_NONE;
		if (!editor->escape_parameters && c == 'A')
			recall_older(editor);
		else if (!editor->escape_parameters && c == 'B')
			recall_newer(editor);
		return true;
	case LINE_ESCAPE_SS3:
		editor->escape = LINE_ESCAPE_NONE;
		if (c == 'A')
			recall_older(editor);
		else if (c == 'B')
			recall_newer(editor);
		return true;
	case LINE_ESCAPE_NONE:
		break;
	}
	return false;
}

/* A byte outside any escape sequence. */
static enum line_event feed_plain(struct line_editor *editor, unsigned char c)
{
	switch (c) {
	case '\r':
	case '\n':
		return enter(editor, (char)c);
	case BACKSPACE:
	case DEL:
		erase_last_character(editor);
		return LINE_NONE;
	case CTRL_U:
		erase_line(editor);
		return LINE_NONE;
	case CTRL_C:
		return cancel(editor);
	case ESC:
		editor->escape = LINE_ESCAPE_STARTED;
		return LINE_NONE;
	default:
		if (c >= 0x20 && c < DEL)
			append_character(editor, (char)c);
		return LINE_NONE; /* other controls and 0x80-0xFF: ignored */
	}
}

void line_edit_init(struct line_editor *editor, line_echo_fn echo)
{
	memset(editor, 0, sizeof(*editor));
	editor->echo = echo;
}

enum line_event line_edit_feed(struct line_editor *editor, char byte)
{
	unsigned char c = (unsigned char)byte;
	char skip = editor->skip_pair;

	editor->skip_pair = 0;
	if (skip != 0 && byte == skip)
		return LINE_NONE; /* the second half of CR LF or LF CR: changes nothing */
	if (editor->submitted) {
		editor->submitted = false;
		start_empty_line(editor);
	}
	if (editor->escape != LINE_ESCAPE_NONE && feed_escape(editor, c))
		return LINE_NONE;
	return feed_plain(editor, c);
}

const char *line_edit_line(const struct line_editor *editor)
{
	return editor->line;
}
