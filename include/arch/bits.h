/*
 * arch/bits.h - a bit by number, unsigned in C (so that bit 31 is not a
 * signed overflow) and plain in assembly, where a U suffix is an error.
 */
#ifndef BRAMBLE_ARCH_BITS_H
#define BRAMBLE_ARCH_BITS_H

#ifdef __ASSEMBLER__
#define BIT(n) (1 << (n))
#else
#define BIT(n) (1U << (n))
#endif

#endif /* BRAMBLE_ARCH_BITS_H */
