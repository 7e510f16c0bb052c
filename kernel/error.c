/*
 * kernel/error.c - names of the error values, for messages.
 */
#include "kernel/error.h"

const char *error_name(int error)
{
	switch (error) {
	case 0:
		return "success";
	case ERR_INVALID:
		return "invalid argument";
	case ERR_TIMEOUT:
		return "timed out";
	case ERR_DEVICE:
		return "device error";
	case ERR_NO_MEMORY:
		return "out of memory";
	case ERR_EXISTS:
		return "already exists";
	case ERR_NOT_FOUND:
		return "not found";
	case ERR_RANGE:
		return "out of range";
	case ERR_RESERVED:
		return "reserved";
	case ERR_NOT_ALLOCATED:
		return "not allocated (double free?)";
	case ERR_INTERRUPTED:
		return "interrupted";
	case ERR_NOT_DIR:
		return "not a directory";
	case ERR_LOOP:
		return "too many symbolic links";
	default:
		return "unknown error";
	}
}
