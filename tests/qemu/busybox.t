#!/usr/bin/env perl
# tests/qemu/busybox.t - Debian's busybox (busybox-static, armhf: a static
# glibc program nobody wrote for bramble) as a person at the UART uses it.
#
# Boots build/kernel7.img as the Pi firmware hands it over (HYP at 0x8000,
# no semihosting), waits for the kernel's prompt and types `sh`: /bin/sh is
# busybox's ash, started under init. Then, typed one byte at a time as into
# a terminal: applets and their exit codes, ls -l of /bin, cat, pipes, a
# for loop, command substitution, wc, sort and md5sum of initramfs files
# (each checked against the host's own tools on the same files), a script
# from the initramfs, Ctrl-C of a `sleep 100`, and exit, which gives the
# UART back to the kernel. The PMM's and the heap's counts after the
# session must equal those before it. Skipped when the build has no
# busybox (it could not download the package). Log: build/busybox.log.
use strict;
use warnings;
use Time::HiRes qw(time sleep);
use File::Basename qw(dirname);
use lib dirname($0) . '/../lib';
use Uart;

chdir(dirname($0) . '/../..') or die "chdir: $!\n";

my $img     = 'build/kernel7.img';
my $fwstub  = 'build/tests/fwstub.bin';
my $busybox = 'build/busybox/bin/busybox';
my $prompt  = 'bramble> ';
for my $f ($img, $fwstub) {
	unless (-f $f) { print "Bail out! $f is missing: run make first\n"; exit 1; }
}
unless (-f $busybox) {
	print "1..0 # SKIP no $busybox: the build could not download busybox-static:armhf\n";
	exit 0;
}

start('build/busybox.log', 'build/busybox.sock',
	qw(qemu-system-arm -M raspi2b -m 1G -display none -monitor none -no-reboot),
	'-device', "loader,file=$fwstub,addr=0x0", '-device', "loader,file=$img,addr=0x8000");

# ash's prompt; its line editor asks the terminal where the cursor is (ESC [6n) before it.
# ("~" when the working directory is root's home, / in /etc/passwd.)
my $sh_prompt = qr/(?:\/|~) # (?:\e\[6n)?\z/;

sub strip_escapes {
	my ($text) = @_;
	$text =~ s/\e\[[0-9;?]*[A-Za-z]//g;
	return $text;
}

# A line typed at the kernel's prompt: its answer.
sub console {
	my ($line, $timeout) = @_;
	type("$line\r");
	my $answer = expect(qr/\Q$prompt\E\z/, $timeout // 20);
	return undef unless defined $answer;
	$answer =~ s/^\Q$line\E\n//;
	$answer =~ s/\Q$prompt\E\z//;
	return $answer;
}

# A line typed into the shell: what it printed, without the echoed line and the next prompt.
sub shell {
	my ($line, $timeout) = @_;
	type("$line\r");
	my $answer = expect($sh_prompt, $timeout // 30);
	return undef unless defined $answer;
	$answer = strip_escapes($answer);
	$answer =~ s/^\Q$line\E\n//;
	$answer =~ s/(?:\/|~) # \z//;
	return $answer;
}

sub host {
	my ($command) = @_;
	my $out = `$command`;
	chomp $out;
	return $out;
}

sub counts {
	my ($mem, $heap) = @_;
	my ($free) = ($mem // '') =~ /free (\d+)/;
	my ($blocks, $live) = ($heap // '') =~ /live (\d+) blocks, (\d+) bytes/;
	return (defined $free ? $free : '?') . ' free frames, ' .
	       (defined $live ? "$live heap bytes in $blocks blocks" : '? heap');
}

my $boot = expect(qr/\Q$prompt\E\z/, 90);
bail('no prompt within 90 s') unless defined $boot;
check($boot !~ /^not ok/m && $boot =~ /self-tests: \d+ passed, 0 failed/,
	'busybox.boot_self_tests_pass', grep { /^not ok|self-tests:/ } split(/\n/, $boot));

# Once, so that what the kernel keeps after a first process (its heap's growth) is there before.
console('run busybox true', 30);
my $before = counts(console('mem'), console('heap'));

type("sh\r");
my $start = expect($sh_prompt, 30);
check(defined $start && strip_escapes($start) =~ /BusyBox v[\d.]+ .*built-in shell \(ash\)/,
	'busybox.sh_starts_on_the_console', strip_escapes($start // 'no prompt'));
bail('no shell prompt') unless defined $start;

my $out = shell('busybox echo hello from busybox');
check(defined $out && $out eq "hello from busybox\n", 'busybox.echo', $out // 'no prompt');
$out = shell('true; echo "true $?"; false; echo "false $?"');
check(defined $out && $out eq "true 0\nfalse 1\n", 'busybox.true_false_exit_codes',
	$out // 'no prompt');
$out = shell('ls -l /bin');
my $size = -s $busybox;
check(defined $out && $out =~ /^-rwxr-xr-x\s+1 root\s+root\s+$size .* busybox$/m &&
	$out =~ /^lrwxrwxrwx .* sh -> busybox$/m && $out =~ /^-rwxr-xr-x .* hello$/m,
	'busybox.ls_l_bin', $out // 'no prompt');
$out = shell('ls /; ls -l /dev/null /dev/zero');
check(defined $out && $out =~ /^bin\s+dev\s+etc\s+proc$/m && $out =~ /^crw-rw-rw- .* 1,\s+3 .* \/dev\/null$/m &&
	$out =~ /^crw-rw-rw- .* 1,\s+5 .* \/dev\/zero$/m, 'busybox.ls_root_and_dev', $out // 'no prompt');
$out = shell('sleep 30 & ps; kill %1; wait');
# (A command busybox runs as its own applet is execed through /proc/self/exe: its name is
# "exe", and ps shows it as "{exe} sleep 30", as on Linux.)
check(defined $out && $out =~ /^\s*\d+ root\s+init sh$/m &&
	$out =~ /^\s*\d+ root\s+(?:\{exe\} )?sleep 30$/m, 'busybox.ps_lists_the_processes',
	$out // 'no prompt');
$out = shell('free');
my $total_kib = 960 * 1024; # the ARM's RAM as the firmware's (and QEMU's) ATAGs give it
check(defined $out && $out =~ /^Mem:\s+$total_kib\s+\d+\s+\d+/m, 'busybox.free_reads_meminfo',
	$out // 'no prompt');
$out = shell('cat /etc/motd');
my $motd = do { local $/; open(my $f, '<', 'user/etc/motd') or die; <$f> };
check(defined $out && $out eq $motd, 'busybox.cat_a_file', $out // 'no prompt');
$out = shell(q{sh -c 'echo a | cat'});
check(defined $out && $out eq "a\n", 'busybox.sh_c_pipe', $out // 'no prompt');
$out = shell('for i in 1 2 3; do echo "n$i"; done');
check(defined $out && $out eq "n1\nn2\nn3\n", 'busybox.for_loop', $out // 'no prompt');
$out = shell('echo "sub: $(echo inner | tr a-z A-Z)"');
check(defined $out && $out eq "sub: INNER\n", 'busybox.command_substitution',
	$out // 'no prompt');
$out = shell('wc -l /etc/words; wc -c < /etc/motd');
my $lines = host('wc -l < user/etc/words') + 0;
my $bytes = host('wc -c < user/etc/motd') + 0;
check(defined $out && $out =~ /^\s*$lines \/etc\/words\n\s*$bytes\n\z/, 'busybox.wc',
	$out // 'no prompt', "host: $lines lines, $bytes bytes");
$out = shell('sort /etc/words');
my $sorted = host('LC_ALL=C sort user/etc/words');
check(defined $out && $out eq "$sorted\n", 'busybox.sort', $out // 'no prompt');
$out = shell('md5sum /bin/busybox /etc/words');
my $md5_busybox = host("md5sum < $busybox | cut -d' ' -f1");
my $md5_words = host("md5sum < user/etc/words | cut -d' ' -f1");
check(defined $out && $out eq "$md5_busybox  /bin/busybox\n$md5_words  /etc/words\n",
	'busybox.md5sum_as_the_hosts', $out // 'no prompt');
$out = shell('sh /etc/script.sh; echo "status $?"');
check(defined $out && $out eq "script: start\nscript: 1\nscript: 2\nscript: 3\nscript: sub\nstatus 3\n",
	'busybox.sh_runs_a_script', $out // 'no prompt');

# Ctrl-C: SIGINT to the foreground group ends the sleep; the shell's prompt comes back.
# Typed once the sleep runs, as a person would: a Ctrl-C that comes while the
# shell's child has not yet set SIGINT back to its default is the shell's
# (on Linux too), so give it time even on a loaded machine.
type("sleep 100\r");
sleep(3);
my $t0 = time;
type("\x03");
my $after = expect($sh_prompt, 10);
my $took = time - $t0;
$out = shell('echo "status $?"');
check(defined $after && $took < 5 && defined $out && $out =~ /status 130/,
	'busybox.ctrl_c_ends_sleep', sprintf('prompt %s after %.1f s', defined $after ? 'back' : 'not back', $took),
	$out // 'no prompt');

type("exit\r");
my $back = expect(qr/\Q$prompt\E\z/, 20);
check(defined $back, 'busybox.exit_gives_the_console_back', strip_escapes($back // 'no kernel prompt'));
my $after_counts = counts(console('mem'), console('heap'));
check($before eq $after_counts && $before !~ /\?/, 'busybox.memory_as_before_the_session',
	"before: $before", "after: $after_counts");
my $sys = console('sys') // '';
check($sys =~ /^sys: \d+ calls/m, 'busybox.sys_lists_the_missing_calls', $sys);

kill 'KILL', $pid;
waitpid($pid, 0);
exit(done());
