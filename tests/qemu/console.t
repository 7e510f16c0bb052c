#!/usr/bin/env perl
# tests/qemu/console.t - the console, driven through the UART as a person
# at a serial terminal would drive it.
#
# Boots build/kernel7.img the way the Pi firmware hands it over
# (build/tests/fwstub.bin: HYP at 0x8000), without -semihosting, as on a
# board: after the self-tests the kernel finds no host and gives its
# prompt. QEMU runs without -icount, in real time, like make run; the UART
# is a unix socket that this script types into, one byte at a time, and
# reads the answers from. Each answer is checked against what the kernel
# says elsewhere (its banner, the image itself, its other commands): typed
# commands, line editing (backspace, Ctrl-U, Ctrl-C, history), errors
# (unknown command, bad number, a line too long, x on an unmapped
# address), a pasted 64 KiB burst, input that arrives while a command
# runs (the receive ring overflows: counted and reported), the self-tests
# run again by name, and reboot, which must end QEMU (-no-reboot).
# The whole exchange stays in build/console.log.
use strict;
use warnings;
use POSIX qw(WNOHANG);
use Time::HiRes qw(time sleep);
use File::Basename qw(dirname);
use lib dirname($0) . '/../lib';
use Uart;

chdir(dirname($0) . '/../..') or die "chdir: $!\n";

my $img    = 'build/kernel7.img';
my $elf    = 'build/kernel7.elf';
my $fwstub = 'build/tests/fwstub.bin';
my $log    = 'build/console.log';
my $sock   = 'build/console.sock';
my $prompt = 'bramble> ';
for my $f ($img, $elf, $fwstub) {
	unless (-f $f) { print "Bail out! $f is missing: run make first\n"; exit 1; }
}

start($log, $sock, qw(qemu-system-arm -M raspi2b -smp 4 -m 1G -display none -monitor none -no-reboot),
	'-device', "loader,file=$fwstub,addr=0x0", '-device', "loader,file=$img,addr=0x8000");

# Type a command and Enter; return its output (without the echoed line and the next prompt).
sub command {
	my ($line, $timeout) = @_;
	type("$line\r");
	my $answer = expect(qr/\Q$prompt\E\z/, $timeout // 10);
	return undef unless defined $answer;
	$answer =~ s/^\Q$line\E\n//;
	$answer =~ s/\Q$prompt\E\z//;
	return $answer;
}

# The boot: self-tests, then the prompt.
my $boot = expect(qr/\Q$prompt\E\z/, 60);
bail('no prompt within 60 s') unless defined $boot;
my @results = $boot =~ /^(?:not )?ok \d+ - /mg;
my @failures = $boot =~ /^not ok \d+ - (.*)$/mg;
check(@results > 0 && !@failures, 'console.boot_self_tests_pass',
	scalar(@results) . ' results, failed: ' . join(', ', @failures));
check($boot =~ /semihosting: no host to exit to/, 'console.no_host_found');
check($boot =~ /console: type help for the commands\n\z/ || $boot =~ /console: type help/,
	'console.greeting');

# help: every command the console has.
my $help = command('help') // '';
my @missing = grep { $help !~ /^  \Q$_\E\b/m }
	qw(help mem heap mmio layout pt x irq uptime test bench reboot ls run sh ps sys kill vm);
check(!@missing, 'console.help_lists_commands', "missing: @missing");

# mem: the PMM's figures, consistent with the banner's RAM (960 MiB under QEMU).
my $mem = command('mem') // '';
my ($total, $free, $reserved, $allocated) =
	$mem =~ /total (\d+) .*free (\d+) .*reserved (\d+), allocated (\d+)/;
my ($ram_mib) = $boot =~ /^ram: ARM 0x[0-9a-f]+-0x[0-9a-f]+, (\d+) MiB/m;
check(defined $total && defined $ram_mib && $total == $ram_mib * 256
	&& $free + $reserved + $allocated == $total, 'console.mem_matches_ram',
	"mem said: $mem", 'banner RAM: ' . ($ram_mib // '?') . ' MiB');
my ($run) = $mem =~ /largest free run (\d+) frames/;
check(defined $run && $run > 0 && $run <= $free, 'console.mem_largest_run_within_free', $mem);

# heap and heap check.
my $heap = command('heap') // '';
check($heap =~ /^heap: break 0x[0-9a-f]{8}, \d+ KiB from 0xc0000000$/m
	&& $heap =~ /^heap: live \d+ blocks, \d+ bytes; free \d+ bytes/m, 'console.heap', $heap);
my $heap_check = command('heap check') // '';
check($heap_check =~ /0 problems/, 'console.heap_check_clean', $heap_check);

# mmio: every device the banner placed, at the same addresses.
my $mmio = command('mmio') // '';
my @devices = $boot =~ /^  (\w+) +0x([0-9a-f]{8}) -> 0x([0-9a-f]{8})$/mg;
my @wrong;
while (my ($name, $phys, $virt) = splice(@devices, 0, 3)) {
	my $page_phys = sprintf('%08x', hex($phys) & ~0xFFF);
	my $page_virt = sprintf('%08x', hex($virt) & ~0xFFF);
	push @wrong, $name
		unless $mmio =~ /^  0x$page_phys -> 0x$page_virt .*\b\Q$name\E\b/m;
}
check($mmio =~ /^mmio: \d+ mappings/m && !@wrong, 'console.mmio_matches_banner',
	"devices not listed as the banner placed them: @wrong", split(/\n/, $mmio));

# layout: the banner's table, again, for the parts that do not move.
my $layout = command('layout') // '';
my @fixed = grep { /^  (vectors|L1 table|kernel text|rodata|data|bss|stacks) / }
	split(/\n/, ($boot =~ /^(layout \(virtual -> physical\):\n(?:  .*\n)+)/m)[0] // '');
my @changed = grep { index($layout, "$_\n") < 0 } @fixed;
check(@fixed >= 6 && !@changed, 'console.layout_as_at_boot', map { "not again: $_" } @changed);

# pt: one range, the vectors page.
my $pt = command('pt 0x80000000 0x80000fff') // '';
check($pt =~ /\A  0x80000000-0x80000fff +4K page .*\[vectors\]\n\z/, 'console.pt_range', $pt);

# x: the kernel's text, compared with the image's bytes.
my ($kmain) = map { /^([0-9a-f]{8}) . kmain$/ ? hex($1) : () } `arm-none-eabi-nm $elf`;
open(my $imgfh, '<:raw', $img) or die "$img: $!\n";
seek($imgfh, $kmain - 0x80008000, 0);
read($imgfh, my $bytes, 16);
my $words = join(' ', map { sprintf('%08x', $_) } unpack('V4', $bytes));
my $x = command(sprintf('x 0x%08x 16', $kmain)) // '';
check($x =~ /^0x\Q${\sprintf('%08x', $kmain)}\E: \Q$words\E  /, 'console.x_reads_kernel_text',
	"expected words: $words", "x said: $x");

# x on an unmapped address: says so, and the console goes on.
my $x_bad = command('x 0x1000') // '';
check($x_bad =~ /^x: 0x00001000 cannot be read: data abort: translation fault/,
	'console.x_unmapped_reported', $x_bad);
check(defined command('uptime'), 'console.alive_after_fault');

# Errors: one line each, and a new prompt.
my $unknown = command('frobnicate') // '';
check($unknown eq "frobnicate: unknown command (help lists them)\n", 'console.unknown_command',
	$unknown);
my $bad = command('x 0xZZ') // '';
check($bad =~ /^x: '0xZZ' is not a number/ && ($bad =~ tr/\n//) == 1, 'console.bad_number', $bad);
my $long = command('x' x 200) // '';
check($long =~ /^line too long: at most \d+ characters\n\z/m, 'console.line_too_long', $long);

# Line editing: backspace (DEL), Ctrl-U, Ctrl-C, history.
my $edited = command("meq\x7fm") // '';
check($edited =~ /^mem: frames/m, 'console.backspace', $edited);
type("garbage\x15");
my $after_u = command('uptime') // '';
check($after_u =~ /^up \d+\.\d+ s/m && $after_u !~ /unknown/, 'console.ctrl_u_erases', $after_u);
type("mem\x03");
my $cancelled = expect(qr/\Q$prompt\E\z/, 5) // '';
check($cancelled =~ /\^C\n/ && $cancelled !~ /frames/, 'console.ctrl_c_cancels', $cancelled);
type("\e[A\e[A");    # two back: uptime, then mem... the newest is uptime
type("\r");
my $recalled = expect(qr/\Q$prompt\E\z/, 5) // '';
check($recalled =~ /^mem: frames/m, 'console.history_up', $recalled);

# uptime: moves forward, ticks at 100 Hz.
my ($s1, $t1) = (command('uptime') // '') =~ /^up (\d+\.\d+) s; (\d+) ticks/m;
sleep(0.5);
my ($s2, $t2) = (command('uptime') // '') =~ /^up (\d+\.\d+) s; (\d+) ticks/m;
check(defined $s2 && $s2 > $s1 + 0.3 && $t2 - $t1 >= 30, 'console.uptime_advances',
	"uptime $s1 s, $t1 ticks, then $s2 s, $t2 ticks");

# A pasted burst of 64 KiB: 640 lines of 'uptime' padded with spaces, sent as
# a terminal sends a paste at 115200 baud 8N1 (11520 bytes a second: QEMU's
# UART itself takes bytes as fast as the guest empties its FIFO, which no
# serial line does); each answered, in order, nothing lost.
my $lines = 640;
my $burst = ('uptime' . ' ' x 96 . "\r") x $lines;
my $sent = length($burst);
my $answers = 0;
my $last = 0;
my $ordered = 1;
for (my $at = 0; $at < $sent; $at += 1152) {
	syswrite($uart, substr($burst, $at, 1152));
	my $until = time + 0.1;
	receive($until - time) while time < $until;
}
while ($answers < $lines) {
	my $one = expect(qr/^up (\d+\.\d+) s;.*\n/m, 30) // last;
	my ($t) = $one =~ /^up (\d+\.\d+) s;/m;
	$ordered = 0 if $t < $last;
	$last = $t;
	$answers++;
}
expect(qr/\Q$prompt\E\z/, 10);
check($answers == $lines && $ordered, 'console.paste_64k_answered',
	"$answers of $lines pasted lines answered (in time order: $ordered), $sent bytes");
my $irq = command('irq') // '';
my ($received, $lost) = $irq =~ /uart: received (\d+) bytes, \d+ errors, \d+ FIFO overruns, (\d+) lost/;
check(defined $received && $received >= $sent && $lost == 0, 'console.paste_nothing_lost',
	"irq said: $irq");
my ($uart_irqs) = $irq =~ /^irq: +73 PL011 UART +pl011_interrupt +yes +(\d+)/m;
my ($ticks) = $irq =~ /^irq: +3 CNTV \(virtual timer\) +timer_interrupt +yes +(\d+)/m;
check(defined $uart_irqs && $uart_irqs > 0 && defined $ticks && $ticks > 0,
	'console.irq_counts', $irq);

# Input while a command runs, unpaced: the receive ring (4 KiB) overflows;
# counted and reported. The command is one suite of the self-tests, the
# PMM's, which counts instructions, not time: under the flood the guest
# spends its time on the UART's interrupts, which would stretch what a
# timing test measures (the timer suite runs in test_all_again, unflooded).
my ($lost_before) = $irq =~ /(\d+) lost to a full ring/;
type("test pmm\r");
syswrite($uart, 'x' x 16384);
my $tap = expect(qr/self-tests: \d+ passed, \d+ failed, \d+ skipped\n/, 30) // '';
check($tap =~ /^1\.\.\d+\n/m && $tap =~ /^ok \d+ - pmm\.every_frame_once$/m
	&& $tap !~ /^not ok/m, 'console.test_by_suite', $tap);
type("\x15\r");    # the flood is one long line: end it
my $overflow = expect(qr/\Q$prompt\E\z/, 10) // '';
$irq = command('irq') // '';
my ($lost_after) = $irq =~ /(\d+) lost to a full ring/;
# A byte still in flight when the first report was printed is reported at
# the next prompt: every report up to the one after irq's answer counts.
my $uptime = command('uptime');
check(defined $uptime, 'console.alive_after_overflow');
my $reports = $overflow . $irq . ($uptime // '');
my $reported = 0;
$reported += $1 while $reports =~ /console: (\d+) bytes of input lost: the receive ring/g;
check($reported > 0 && $lost_after - $lost_before == $reported,
	'console.overflow_counted_and_reported',
	"reported: $reported", "irq: " . ($lost_after // '?'));

# Processes: the archive, a program in the foreground, one in the background
# looked at (ps, vm, pt) and killed, and the frames all back afterwards.
my $ls = command('ls') // '';
check($ls =~ m{\bbin/hello\b} && $ls =~ m{\bbin/spin\b}, 'console.ls_lists_programs', $ls);
my $hello = command('run hello world', 20) // '';
check($hello =~ /^hello from pid (\d+)$/m && $hello =~ /^argv\[1\] = world$/m
	&& $hello =~ /^malloc: \d+ bytes written and read back$/m,
	'console.run_foreground', $hello);
# The kernel heap has grown for the first process; from here on it is the same each time.
my ($free_before) = (command('mem') // '') =~ /free (\d+)/;
my $started = command('run spin 1000000 &', 20) // '';
my ($spin) = $started =~ /started as process (\d+)/;
my $ps = command('ps') // '';
check(defined $spin && $ps =~ /^\s*$spin\b.*\bbin\/spin\b/m, 'console.ps_shows_it',
	$started, $ps);
$spin //= 0;
my $vm = command("vm $spin") // '';
check($vm =~ /0x00010000/ && $vm =~ /stack/ && $vm =~ /guard/, 'console.vm_regions', $vm);
# ps's columns: pid ppid state core program resident(pages) pt-bytes faults. A spinning
# program is running or ready; what it has resident is what vm counts (its text, data and
# stack: a few pages); its tables are the 8 KiB L1 and at least one 1 KiB L2, at most 24 KiB.
my ($state, $resident, $table) =
	$ps =~ /^\s*$spin\s+\d+\s+(\S+)\s+\d+\s+\S*bin\/spin\s+(\d+)\s+(\d+)\s+\d+\s*$/m;
my ($vm_resident) = $vm =~ /(\d+) pages resident/;
check(defined $state && $state =~ /^(running|ready)$/
	&& $resident >= 2 && $resident <= 16 && defined $vm_resident
	&& abs($vm_resident - $resident) <= 1
	&& $table >= 8192 + 1024 && $table <= 24 * 1024 && $table % 1024 == 0,
	'console.ps_columns', $ps, $vm);
my $ptp = command("pt $spin") // '';
check($ptp =~ /0x00010000/ && $ptp !~ /0x8000/, 'console.pt_process_table', $ptp);
my $killed = command("kill $spin", 20) // '';
my $ps_after = command('ps') // '';
check($ps_after !~ /^\s*$spin\b.*spin/m, 'console.kill_ends_it', $killed, $ps_after);
my $hello_again = command('run hello', 20) // '';
check($hello_again =~ /^hello from pid \d+$/m, 'console.run_again', $hello_again);
# bsh (bramble's own shell, under init): typed into as a person types; exit gives the UART back.
type("run init bsh\r");
my $sh_start = expect(qr/\$ \z/, 20) // '';
# The terminal's line discipline edits the line: a typo erased (DEL), a word erased (Ctrl-W).
type("hellp\x7fo one oops\x17two\r");
my $sh_hello = expect(qr/\$ \z/, 20) // '';
type("no-such-program\r");
my $sh_missing = expect(qr/\$ \z/, 20) // '';
type("exit\r");
my $sh_end = expect(qr/\Q$prompt\E\z/, 20);
check($sh_start =~ /^sh: programs from bin/m && $sh_hello =~ /^argv\[0\] = hello$/m
	&& $sh_hello =~ /^argv\[1\] = one$/m && $sh_hello =~ /^argv\[2\] = two$/m
	&& $sh_hello !~ /^argv\[3\]/m && $sh_hello =~ /^\[hello: exit 0\]$/m
	&& $sh_missing =~ /no-such-program: not found/ && $sh_missing =~ /exit 127\]/
	&& defined $sh_end,
	'console.sh_runs_programs_and_gives_the_uart_back', $sh_start, $sh_hello, $sh_missing,
	$sh_end // 'no console prompt after exit');
my ($free_after) = (command('mem') // '') =~ /free (\d+)/;
check(defined $free_before && defined $free_after && $free_before == $free_after,
	'console.processes_leave_memory_as_it_was', "free before " . ($free_before // '?'),
	"after " . ($free_after // '?'));

# test: every self-test again, from the console; they must all pass a second time.
my $all = command('test', 60) // '';
my ($boot_passed) = $boot =~ /self-tests: (\d+) passed/;
my ($again) = $all =~ /self-tests: (\d+) passed, 0 failed/;
check(defined $again && defined $boot_passed && $again >= $boot_passed && $all !~ /^not ok/m,
	'console.test_all_again', grep { /^not ok|self-tests:/ } split(/\n/, $all));

# reboot: through the watchdog, which ends QEMU (-no-reboot).
type("reboot\r");
my $said = expect(qr/reboot: through the watchdog\n/, 5);
my $status;
for (1 .. 100) {
	last if waitpid($pid, WNOHANG) == $pid && defined($status = $?);
	receive(0.05) or sleep(0.05);
}
check(defined $said && defined $status && $status == 0, 'console.reboot_ends_qemu',
	'QEMU ' . (defined $status ? "exited with $status" : 'still running'));
unless (defined $status) { kill 'KILL', $pid; waitpid($pid, 0); }
exit(done());
