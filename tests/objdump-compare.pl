#!/usr/bin/perl
# objdump-compare.pl - compares `uopsim disasm FILE` with
# `objdump -d -M intel FILE`, instruction by instruction (both with raw
# bytes), and reports precise mismatch classes.
#
#   perl tests/objdump-compare.pl [options] OBJDUMP.txt UOPSIM.txt
#     --strict GROUPS      comma-separated groups in which any mismatch fails
#                          (gp, x87, sse, system, vex, avx512, amd), or "all"
#     --require GROUPS     groups whose instructions must all be decoded (an
#                          instruction objdump decodes and we print "(bad)"
#                          for fails)
#     --examples N         examples shown per class (default 1)
#     --top N              classes shown (default 25)
#     --bits 32|64         code size of the listing (REX bytes exist in 64)
#
# An instruction is one objdump line with its continuation lines (bytes
# only). objdump's symbol annotations (" <name+0x10>") are dropped: uopsim
# has no symbols. Classes:
#   match       same bytes, same text
#   text        same bytes (length), different text: by group and mnemonic,
#               with what differs (mnemonic, prefix, operand N)
#   length      both decode at this address with different lengths
#   undecoded   objdump decodes, uopsim prints (bad): tables not filled yet
#   bad-objdump objdump prints (bad), uopsim decodes
#   both-bad    both print (bad) but differ (data in code, bytes that decode
#               as neither)
#   desync      no uopsim instruction at this address (after a length
#               difference)
# Exit status: 1 if a strict or required group has a failure, else 0.
use strict;
use warnings;
no warnings 'portable'; # 64-bit addresses in hex()

my %opt = (strict => '', require => '', examples => 1, top => 25, bits => 64);
while (@ARGV && $ARGV[0] =~ /^--(strict|require|examples|top|bits)$/) {
	my $k = $1;
	shift @ARGV;
	$opt{$k} = shift @ARGV;
}
die "usage: $0 [--strict G] [--require G] OBJDUMP.txt UOPSIM.txt\n" unless @ARGV == 2;
my ($objfile, $ourfile) = @ARGV;

# Reads a listing into { addr => [bytes, text] } and the address order.
sub read_listing {
	my ($file, $is_objdump) = @_;
	open(my $fh, '<', $file) or die "$0: $file: $!\n";
	my (%insn, @order, $last);
	while (my $line = <$fh>) {
		chomp $line;
		next unless $line =~ /^\s*([0-9a-f]+):\t(.*)$/;
		my ($addr, $rest) = (hex($1), $2);
		my ($bytes, $text) = split(/\t/, $rest, 2);
		$bytes =~ s/\s+$//;
		if (!defined $text) {
			# A continuation line: more bytes of the previous instruction.
			$insn{$last}[0] .= " $bytes" if defined $last;
			next;
		}
		if ($is_objdump) {
			# With a symbol objdump writes "call 2fd00 <foo>" (no 0x);
			# without one "call 0x2fd00", like uopsim.
			$text =~ s/(^|[\s,])([0-9a-f]+) <[^>]*>/${1}0x$2/g;
			$text =~ s/ <[^>]*>//g;
		}
		$text =~ s/\s+$//;
		$insn{$addr} = [$bytes, $text];
		push @order, $addr;
		$last = $addr;
	}
	close $fh;
	return (\%insn, \@order);
}

my ($obj, $objorder) = read_listing($objfile, 1);
my ($our, undef) = read_listing($ourfile, 0);

my $prefix_re = qr/^(?:(?:rep|repz|repnz|repe|repne|lock|bnd|notrack|data16|data32|addr16|addr32|cs|ds|es|ss|fs|gs|xacquire|xrelease|rex(?:\.[WRXB]+)?)\s+)*/;

sub mnemonic_of {
	my ($text) = @_;
	(my $t = $text) =~ s/$prefix_re//;
	my ($m) = split(/\s+/, $t);
	return $m // '';
}

# "(bad)", possibly after prefix names, or an instruction objdump could
# only partly decode ("bndstx [rax],(bad)", "mov WORD PTR [rcx],?").
sub is_bad { return $_[0] =~ /\(bad\)|(^|[ ,])\?($|,)/; }

# The instruction group of an objdump line, from its encoding (the bytes)
# and its mnemonic and operands:
#   avx512  EVEX-encoded (62), or using zmm, xmm16-31, ymm16-31, opmasks
#   vex     VEX-encoded (C4/C5): AVX, AVX2, FMA, BMI, ...
#   amd     XOP (8F), 3DNow! (0F 0F)
#   x87, sse (MMX and SSE..SSE4.2 and friends), system, gp
sub group_of {
	my ($text, $bytes) = @_;
	my $m = mnemonic_of($text);
	my @b = map { hex } split(/ /, $bytes // '');
	shift @b while @b && ($b[0] == 0x26 || $b[0] == 0x2e || $b[0] == 0x36 || $b[0] == 0x3e ||
			      $b[0] == 0x64 || $b[0] == 0x65 || $b[0] == 0x66 || $b[0] == 0x67 ||
			      $b[0] == 0xf0 || $b[0] == 0xf2 || $b[0] == 0xf3 ||
			      ($b[0] >= 0x40 && $b[0] <= 0x4f && $opt{bits} == 64));
	my $vector_mn = $m =~ /^(v|k|andn|bextr|blsi|blsmsk|blsr|bzhi|mulx|pdep|pext|rorx|sarx|shlx|shrx|tile|ldtilecfg|sttilecfg)/;
	if (@b >= 2 && $vector_mn) {
		return 'avx512' if $b[0] == 0x62;
		return 'vex' if $b[0] == 0xc4 || $b[0] == 0xc5;
		return 'amd' if $b[0] == 0x8f;
	}
	return 'amd' if @b >= 2 && $b[0] == 0x0f && $b[1] == 0x0f;
	return 'avx512' if $text =~ /zmm|[xy]mm(1[6-9]|2\d|3[01])\b|\{k[0-7]\}/ || $m =~ /^k/;
	return 'x87' if $m =~ /^f/ && $m !~ /^(fxsave|fxrstor|femms)/;
	return 'sse' if $text =~ /\bx?mm\d|XMMWORD/ || $m =~ /^(ld|st)mxcsr$|fence$|^prefetch|^(pause|emms)$/;
	return 'system' if $m =~ /^(xsave|xrstor|fxsave|fxrstor|xgetbv|xsetbv|rdtsc|rdtscp|rdmsr|wrmsr|syscall|sysret|sysenter|sysexit|cpuid|lgdt|sgdt|lidt|sidt|lldt|sldt|ltr|str|lmsw|smsw|invlpg|clts|hlt|in|out|ins|outs|cli|sti|iret|rdssp|incssp|endbr|xbegin|xend|xabort|xtest|rdpid|rdrand|rdseed|swapgs|wbinvd|invd|clflush|clwb|ud[012]|int1|int3|int|into|verr|verw|lar|lsl|arpl)[dqw]?c?$/;
	return 'gp';
}

# What differs between two texts with the same bytes.
sub diff_kind {
	my ($a, $b) = @_;
	my ($pa) = $a =~ /$prefix_re/;
	my ($pb) = $b =~ /$prefix_re/;
	return 'prefix' if ($pa // '') ne ($pb // '');
	(my $ra = $a) =~ s/$prefix_re//;
	(my $rb = $b) =~ s/$prefix_re//;
	my ($ma, $oa) = split(/\s+/, $ra, 2);
	my ($mb, $ob) = split(/\s+/, $rb, 2);
	return 'mnemonic' if ($ma // '') ne ($mb // '');
	$oa //= '';
	$ob //= '';
	my ($ca, $cb) = ('', '');
	($oa, $ca) = ($1, $2) if $oa =~ /^(.*?)\s+#\s*(.*)$/;
	($ob, $cb) = ($1, $2) if $ob =~ /^(.*?)\s+#\s*(.*)$/;
	my @xa = split(/,(?![^\[]*\])/, $oa);
	my @xb = split(/,(?![^\[]*\])/, $ob);
	return 'operand-count' if @xa != @xb;
	for my $i (0 .. $#xa) {
		next if $xa[$i] eq $xb[$i];
		my $what = 'value';
		my ($sa) = $xa[$i] =~ /^(\w+ PTR )/;
		my ($sb) = $xb[$i] =~ /^(\w+ PTR )/;
		my ($da) = $xa[$i] =~ /([+-]0x[0-9a-f]+)\]/;
		my ($db) = $xb[$i] =~ /([+-]0x[0-9a-f]+)\]/;
		if (($sa // '') ne ($sb // '')) { $what = 'size' }
		elsif (defined $da && defined $db && hex(substr($db, 1)) && hex(substr($da, 1)) % hex(substr($db, 1)) == 0) {
			$what = 'disp8xN' # EVEX compressed displacement not scaled
		}
		elsif (($xa[$i] =~ /\[/) != ($xb[$i] =~ /\[/)) { $what = 'kind' }
		elsif ($xa[$i] =~ /:/ || $xb[$i] =~ /:/) { $what = 'segment-or-address' }
		return "operand$i-$what";
	}
	return 'comment' if $ca ne $cb;
	return 'spacing';
}

my (%count, %class, %examples, %group_fail);
my ($total, $compared) = (0, 0);
for my $addr (@$objorder) {
	my ($ob, $ot) = @{$obj->{$addr}};
	$total++;
	my $g = group_of($ot, $ob);
	my $cls;
	my $u = $our->{$addr};
	if (!defined $u) {
		$cls = "desync";
	} elsif ($u->[0] eq $ob && $u->[1] eq $ot) {
		$count{match}++;
		$compared++;
		next;
	} elsif (is_bad($ot) && is_bad($u->[1])) {
		$cls = "both-bad";
	} elsif (is_bad($ot)) {
		$cls = "bad-objdump";
	} elsif (is_bad($u->[1])) {
		$cls = "undecoded $g " . mnemonic_of($ot);
		$group_fail{require}{$g}++;
	} elsif ($u->[0] ne $ob) {
		$cls = "length $g " . mnemonic_of($ot);
		$group_fail{strict}{$g}++;
		$compared++;
	} else {
		$cls = "text $g " . mnemonic_of($ot) . " (" . diff_kind($ot, $u->[1]) . ")";
		$group_fail{strict}{$g}++;
		$compared++;
	}
	my ($kind) = split(/ /, $cls);
	$count{$kind}++;
	$class{$cls}++;
	push @{$examples{$cls}}, sprintf("%x: %s | objdump: %s | uopsim: %s", $addr, $ob, $ot,
					 defined $u ? $u->[1] : '-')
		if @{$examples{$cls} // []} < $opt{examples};
}

my $match = $count{match} // 0;
printf "instructions: %d in objdump, %d compared (decoded by both), %d identical, %d differ\n",
	$total, $compared, $match, $compared - $match;
printf "  %-12s %d\n", $_, $count{$_} // 0 for qw(match text length undecoded bad-objdump both-bad desync);
my @cls = sort { $class{$b} <=> $class{$a} || $a cmp $b } keys %class;
my $shown = 0;
print "classes (count, class, example):\n" if @cls;
for my $c (@cls) {
	last if $shown++ >= $opt{top};
	printf "  %7d  %s\n", $class{$c}, $c;
	print "           $_\n" for @{$examples{$c}};
}
printf "  ... %d more classes\n", @cls - $opt{top} if @cls > $opt{top};

my $rc = 0;
for my $which (qw(strict require)) {
	my @groups = $opt{$which} eq 'all' ? qw(gp x87 sse system vex avx512 amd) : split(/,/, $opt{$which});
	for my $g (@groups) {
		my $n = $group_fail{$which}{$g} // 0;
		next unless $n;
		printf "FAIL: %d %s in group %s\n", $n,
			$which eq 'strict' ? 'mismatches' : 'undecoded instructions', $g;
		$rc = 1;
	}
}
exit $rc;
