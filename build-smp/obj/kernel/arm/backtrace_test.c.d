build-smp/obj/kernel/arm/backtrace_test.c.o: kernel/arm/backtrace_test.c \
 include/kernel/backtrace.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/ksyms.h \
 include/kernel/ktest.h include/kernel/sections.h include/layout.h
include/kernel/backtrace.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ksyms.h:
include/kernel/ktest.h:
include/kernel/sections.h:
include/layout.h:
