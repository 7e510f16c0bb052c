# tests/lib/Uart.pm - a QEMU-booted kernel's UART, driven as a person at a
# serial terminal drives it: the tests that type (tests/qemu/console.t,
# tests/qemu/busybox.t) share it.
#
# start(LOG, SOCK, QEMU ARGS...) runs QEMU with its UART on the unix socket
# SOCK and connects; everything received goes to LOG as it came, and into
# the pending text (CRs removed) that expect() matches against. type()
# sends one byte at a time, 2 ms apart. check() prints a TAP line and
# counts failures; done() prints the plan and returns the exit status.
package Uart;
use strict;
use warnings;
use IO::Socket::UNIX;
use IO::Select;
use Time::HiRes qw(time sleep);
use Exporter 'import';

our @EXPORT = qw(start receive expect type check bail done $uart $pid);
our ($uart, $pid);
my ($select, $logfh, $log);
my $pending = '';
my $closed = 0;
my ($n, $failed) = (0, 0);

sub check {
	my ($ok, $what, @detail) = @_;
	$n++;
	if ($ok) {
		print "ok $n - $what\n";
	} else {
		$failed++;
		print "#   $_\n" for @detail;
		print "not ok $n - $what\n";
	}
	return $ok;
}

sub start {
	my ($log_path, $sock, @qemu) = @_;
	$log = $log_path;
	unlink $sock;
	push @qemu, '-chardev', "socket,id=uart,path=$sock,server=on,wait=on", '-serial',
		'chardev:uart';
	print "TAP version 13\n# @qemu\n";
	$pid = fork() // die "fork: $!\n";
	if ($pid == 0) {
		open(STDIN, '<', '/dev/null');
		open(STDERR, '>', "$log.stderr");
		exec(@qemu) or die "exec: $!\n";
	}
	for (1 .. 100) {
		$uart = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $sock) and last;
		sleep(0.05);
	}
	unless ($uart) { kill 'KILL', $pid; print "Bail out! cannot connect to $sock\n"; exit 1; }
	open($logfh, '>', $log) or die "$log: $!\n";
	$select = IO::Select->new($uart);
}

# Everything received since the last answer was taken, CRs removed.
sub receive {
	my ($wait) = @_;
	return 0 if $closed;
	return 0 unless $select->can_read($wait);
	my $got = sysread($uart, my $chunk, 65536);
	unless ($got) { $closed = 1; return 0; }
	print $logfh $chunk;
	$chunk =~ s/\r//g;
	$pending .= $chunk;
	return 1;
}

# Wait (at most timeout s) until pending matches regex; return what came up to
# the end of the match and drop it from pending, or undef on timeout.
sub expect {
	my ($regex, $timeout) = @_;
	my $end = time + ($timeout // 10);
	while (1) {
		if ($pending =~ $regex) {
			my $text = substr($pending, 0, $+[0]);
			$pending = substr($pending, $+[0]);
			return $text;
		}
		my $left = $end - time;
		return undef if $left <= 0 || $closed;
		receive($left > 0.2 ? 0.2 : $left);
	}
}

# Type text one byte at a time, as a person (or a terminal) sends it.
sub type {
	for my $byte (split //, $_[0]) {
		syswrite($uart, $byte);
		sleep(0.002);
		receive(0);
	}
}

sub bail {
	print "Bail out! $_[0] (log: $log)\n";
	kill 'KILL', $pid;
	waitpid($pid, 0);
	exit 1;
}

# The plan, and the exit status the test should end with.
sub done {
	print "1..$n\n";
	return $failed ? 1 : 0;
}

1;
