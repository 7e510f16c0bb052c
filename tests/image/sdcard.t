#!/usr/bin/env bash
# tests/image/sdcard.t - check build/sdcard.img (scripts/sdcard) as the Pi's
# boot ROM and firmware will read it, and report TAP for prove.
#
# Checks, on the image file itself (sfdisk and mtools, no root, no mount):
#   - the MBR has exactly one partition, type 0x0c (FAT32 LBA), starting at
#     sector 2048 and ending inside the image;
#   - that partition holds a FAT32 file system that fsck.fat finds clean;
#   - its root directory holds kernel7.img, config.txt, bootcode.bin,
#     start.elf and fixup.dat;
#   - each of them is byte-identical to its source: build/kernel7.img,
#     sdcard/config.txt, and the firmware cached in build/firmware/; so is
#     LICENCE.firmware, the firmware's licence;
#   - the config.txt on the card keeps the PL011 console and 32-bit boot.
# A missing image or firmware cache is "Bail out!": make sdcard failed (no
# network to Debian's mirror, or the non-free-firmware component missing:
# scripts/sdcard says which) or was not run.
set -u
cd "$(dirname "$0")/../.." || exit 1
# sfdisk and fsck.fat live in /usr/sbin, which is not on a normal user's PATH
# on Debian; neither needs root to read an image file.
PATH=$PATH:/usr/sbin:/sbin

image=build/sdcard.img
kernel=build/kernel7.img
config=sdcard/config.txt
initramfs=build/initramfs.cpio
firmware=build/firmware
part_start=2048
card_files=(kernel7.img config.txt initramfs.cpio bootcode.bin start.elf fixup.dat)

echo "TAP version 13"
for f in "$image" "$kernel" "$firmware/VERSION"; do
	[ -f "$f" ] || {
		echo "Bail out! $f is missing: make sdcard did not finish (it downloads the Pi" \
			"firmware from Debian's raspi-firmware package; its message says why it failed)"
		exit 1
	}
done
echo "# $image, firmware from $(cat "$firmware/VERSION")"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

count=0
failed=0
# check DESCRIPTION COMMAND...: one TAP result, the command's output as
# diagnostics when it fails.
check() {
	local description=$1 output
	shift
	count=$((count + 1))
	if output=$("$@" 2>&1); then
		echo "ok $count - $description"
	else
		failed=$((failed + 1))
		echo "not ok $count - $description"
		[ -n "$output" ] && printf '%s\n' "$output" | sed 's/^/#   /'
	fi
}

# The partition table, as "start size type" lines (sfdisk reads a plain file).
sfdisk --dump "$image" >"$scratch/dump" 2>&1
sed -n 's/.*: *start= *\([0-9]*\), *size= *\([0-9]*\), *type= *\([0-9a-fA-F]*\).*/\1 \2 \3/p' \
	"$scratch/dump" >"$scratch/partitions"
read -r start size type <"$scratch/partitions"
image_sectors=$(($(stat -c %s "$image") / 512))

one_partition() {
	[ "$(wc -l <"$scratch/partitions")" -eq 1 ] || { cat "$scratch/dump"; return 1; }
}
field_is() { # NAME VALUE EXPECTED
	[ "$2" = "$3" ] || { echo "$1 is '$2', expected '$3'"; return 1; }
}
inside_image() {
	[ $((start + size)) -le "$image_sectors" ] ||
		{ echo "partition ends at sector $((start + size)), image has $image_sectors"; return 1; }
}
check "MBR: exactly one partition" one_partition
check "partition 1 starts at sector $part_start" field_is start "${start:-}" "$part_start"
check "partition 1 is type c (FAT32, LBA)" field_is type "${type:-}" c
check "partition 1 ends inside the image" inside_image

fat="$image@@$((part_start * 512))"

fat32() {
	local disk_type
	disk_type=$(minfo -i "$fat" :: | sed -n 's/^disk type="\(.*\)"$/\1/p')
	[ "$disk_type" = "FAT32   " ] || { echo "disk type '$disk_type'"; return 1; }
}
# fsck.fat takes no offset: check a copy of the partition alone.
fat_clean() {
	dd if="$image" of="$scratch/partition" bs=512 skip="$part_start" count="$size" status=none &&
		fsck.fat -n "$scratch/partition"
}
check "partition 1 holds FAT32" fat32
check "fsck.fat finds the file system clean" fat_clean

mdir -i "$fat" -b :: >"$scratch/listing" 2>&1
for f in "${card_files[@]}"; do
	check "the card holds $f" grep -qx "::/$f" "$scratch/listing"
done

# Copy a file off the card and compare it with where it came from.
same_as() { # CARD_NAME SOURCE
	mcopy -n -i "$fat" "::$1" "$scratch/$1" && cmp "$scratch/$1" "$2"
}
check "kernel7.img on the card is build/kernel7.img" same_as kernel7.img "$kernel"
check "config.txt on the card is $config" same_as config.txt "$config"
check "initramfs.cpio on the card is $initramfs" same_as initramfs.cpio "$initramfs"
for f in bootcode.bin start.elf fixup.dat; do
	check "$f on the card is raspi-firmware's ($firmware/$f)" same_as "$f" "$firmware/$f"
done
# The firmware's licence asks redistributions to carry its notice.
check "LICENCE.firmware on the card is the package's copyright file" \
	same_as LICENCE.firmware "$firmware/copyright"

# The settings the README promises, as the firmware will read them.
for setting in arm_64bit=0 kernel=kernel7.img enable_uart=1; do
	check "config.txt on the card sets $setting" grep -qx "$setting" "$scratch/config.txt"
done
check "config.txt on the card loads initramfs.cpio after the kernel" \
	grep -qx "initramfs initramfs.cpio followkernel" "$scratch/config.txt"

echo "1..$count"
[ "$failed" -eq 0 ]
