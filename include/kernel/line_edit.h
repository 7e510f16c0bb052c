/*
 * kernel/line_edit.h - the console's line editor: the bytes a serial
 * terminal sends go in one at a time, the echo comes out through a callback,
 * and a finished line is handed back when Enter is pressed. Pure (no
 * hardware, no allocation, no globals: all state in struct line_editor):
 * also tested on the host.
 *
 * What each byte does:
 *   0x20-0x7E         appended and echoed. A line holds LINE_EDIT_MAX
 *                     characters; beyond that a byte is neither kept nor
 *                     echoed and the line is marked too long
 *   CR or LF          Enter: echo "\n" (the console's output makes it
 *                     "\r\n"), LINE_READY with the line (maybe empty), or
 *                     LINE_TOO_LONG for a line marked so (then dropped). The
 *                     other half of a CR LF or LF CR pair is ignored, so a
 *                     terminal that sends CR and pasted CRLF text both work
 *   DEL (0x7F), BS    erase the last character ("\b \b")
 *   Ctrl-U (0x15)     erase the whole line ("\b \b" per character)
 *   Ctrl-C (0x03)     echo "^C\n", drop the line: LINE_CANCELLED
 *   ESC [ A, ESC O A  Up: the next older history entry replaces the line
 *   ESC [ B, ESC O B  Down: the next newer one; past the newest, an empty line
 *   other ESC [ ...   swallowed whole: parameter bytes 0x30-0x3F (digits, ';'),
 *                     intermediates 0x20-0x2F, then a final byte 0x40-0x7E
 *                     (left, right, ESC [ 3 ~ for Delete, ...). ESC O and one
 *                     byte, or ESC and one printable byte, likewise. A control
 *                     byte inside a sequence ends it and then does its own job
 *   anything else     ignored: other control bytes (tab, NUL, bell) and 0x80-0xFF
 *
 * The too-long mark stays until nothing of the line is left (erased
 * character by character, Ctrl-U, a history entry in its place), so that
 * trimming an overlong paste cannot submit a line the person did not type.
 *
 * History keeps the last LINE_EDIT_HISTORY lines: a line goes in when it
 * is submitted (LINE_READY), not empty, and not the same as the newest
 * entry. A recalled entry is a copy: editing it and pressing Enter submits
 * the edited text and leaves the entry as it was.
 */
#ifndef BRAMBLE_KERNEL_LINE_EDIT_H
#define BRAMBLE_KERNEL_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#define LINE_EDIT_MAX     120 /* characters in a line */
#define LINE_EDIT_HISTORY 8   /* lines kept for up/down */

/* Where the echo goes: length bytes of text (not NUL-terminated). */
typedef void (*line_echo_fn)(const char *text, size_t length);

enum line_event {
	LINE_NONE,      /* nothing finished yet */
	LINE_READY,     /* Enter: line_edit_line() has the line */
	LINE_CANCELLED, /* Ctrl-C: the line was dropped */
	LINE_TOO_LONG,  /* Enter on a line longer than LINE_EDIT_MAX: dropped */
};

/* Where the editor is in an escape sequence. */
enum line_escape {
	LINE_ESCAPE_NONE,
	LINE_ESCAPE_STARTED, /* ESC seen */
	LINE_ESCAPE_CSI,     /* ESC [ seen, then perhaps parameters */
	LINE_ESCAPE_SS3,     /* ESC O seen */
};

struct line_editor {
	line_echo_fn echo; /* may be NULL: no echo */
	char line[LINE_EDIT_MAX + 1];
	size_t length;  /* characters in line, which is always NUL-terminated */
	bool too_long;  /* a byte was refused for want of room */
	bool submitted; /* line holds a submitted line, until the next byte taken */
	char skip_pair; /* CR or LF: the other half of the Enter just seen; else 0 */
	enum line_escape escape;
	bool escape_parameters; /* the CSI sequence has parameter or intermediate bytes */
	char history[LINE_EDIT_HISTORY][LINE_EDIT_MAX + 1];
	unsigned history_count; /* entries held, up to LINE_EDIT_HISTORY */
	unsigned history_next;  /* the slot the next entry goes into */
	unsigned recalled;      /* 0: the person's own line; n: the n-th newest entry */
};

/* An empty line and an empty history; echo may be NULL. */
void line_edit_init(struct line_editor *editor, line_echo_fn echo);

/* Take one byte from the terminal; LINE_NONE until a line is finished or dropped. */
enum line_event line_edit_feed(struct line_editor *editor, char byte);

/* The line, NUL-terminated: after LINE_READY, the one submitted, until the next byte is fed. */
const char *line_edit_line(const struct line_editor *editor);

#endif /* BRAMBLE_KERNEL_LINE_EDIT_H */
