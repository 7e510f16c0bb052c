/*
 * kernel/tty.h - the console as a terminal: what processes read from and
 * write to on /dev/console (and /dev/tty), with Linux's line discipline.
 *
 * Input arrives from the UART's receive interrupt (kernel/console.c hands
 * it over while a process has the console; at the kernel's own prompt the
 * bytes stay the console's). Each byte goes through termios as Linux's
 * N_TTY takes it: ICRNL/INLCR/IGNCR; with ISIG the INTR, QUIT and SUSP
 * characters send SIGINT, SIGQUIT, SIGTSTP to the foreground process
 * group (and flush what was typed, unless NOFLSH); with ICANON the line is
 * edited in the kernel (ERASE, WERASE, KILL, EOF, LNEXT, REPRINT) and a
 * read gets at most one whole line once it ends; without ICANON a read
 * gets what is there as soon as VMIN bytes are (VMIN 0: at once, maybe
 * nothing). ECHO (with ECHOE, ECHOK, ECHOKE, ECHOCTL, ECHONL) echoes as
 * it goes. Output goes to the console; its newlines always become CR LF
 * (ONLCR is what the console's sink does for everything it prints).
 *
 * The ioctls: TCGETS, TCSETS, TCSETSW, TCSETSF (the kernel's struct
 * termios, 36 bytes), TIOCGWINSZ/TIOCSWINSZ (80x24 until set),
 * TIOCGPGRP/TIOCSPGRP (the foreground group), TIOCGSID, TIOCSCTTY,
 * TIOCNOTTY, FIONREAD.
 */
#ifndef BRAMBLE_KERNEL_TTY_H
#define BRAMBLE_KERNEL_TTY_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/file.h"

#define TTY_INPUT 1024 /* bytes typed ahead, or of one line being edited */
#define TTY_LINES 64   /* whole lines typed ahead */

extern const struct file_ops tty_file_ops;

/* A new open of the console (its descriptor's reference): NULL without memory. */
struct file *tty_open(void);

/* Called from the UART's receive interrupt while a process has the console: take the bytes. */
void tty_receive(void);

/*
 * The console is the kernel's (its prompt reads the UART itself) or the
 * processes' (the tty takes what arrives). Taking it back drops what the
 * processes left unread.
 */
void tty_set_active(bool active);
bool tty_active(void);

/* The foreground process group (the console sets it for the program it runs). */
void tty_set_foreground(int pgid);
int tty_foreground(void);

/* The session the console belongs to (0: none yet; the first setsid's leader that opens it). */
void tty_set_session(int sid);
int tty_session(void);

/* Back to the settings a terminal starts with (echo, canonical, signals), input dropped. */
void tty_reset(void);

/* One byte as if typed (the self-tests); from thread context or the interrupt. */
void tty_input_byte(uint8_t byte);

/* poll is about to wait with the terminal among its files (the first wait is reported). */
void tty_waited(void);

/*
 * When a program first waited for typing (a shell's first prompt): the
 * cycle counter then, 0 if none has yet, and which process in *pid.
 */
uint32_t tty_first_wait(int *pid);

/* Bytes a read could take now (FIONREAD), for poll. */
uint32_t tty_readable(void);

#endif /* BRAMBLE_KERNEL_TTY_H */
