#!/bin/bash
# usage: data_dir_writes.sh BIN LABEL [args...] : runs BIN in tmux 200x60 for 10 s idle, counts wakeups + data-dir writes
BIN=$1; LABEL=$2; shift 2
D=$(mktemp -d); export K8S_COURSE_DATA_DIR=$D/data K8S_COURSE_CONFIG_DIR=$D/cfg K8S_COURSE_RUNTIME_DIR=$D/run
mkdir -p $D/data $D/cfg; chmod 700 $D/data $D/cfg
S=m$LABEL$$
tmux new-session -d -s $S -x 200 -y 60 "env K8S_COURSE_DATA_DIR=$D/data K8S_COURSE_CONFIG_DIR=$D/cfg K8S_COURSE_RUNTIME_DIR=$D/run strace -f -o $D/trace -e trace=poll,ppoll,epoll_wait,select,pselect6,nanosleep,clock_nanosleep,futex,openat,rename,renameat,renameat2,fsync,fdatasync,flock,write $BIN $*"
sleep 4
: > $D/trace.mark; M=$(wc -l < $D/trace)
sleep 10
N=$(wc -l < $D/trace)
tail -n +$((M+1)) $D/trace | head -n $((N-M)) > $D/window
echo "== $LABEL: syscalls in 10 s window"
grep -oE '(poll|ppoll|epoll_wait|select|pselect6|nanosleep|clock_nanosleep|futex|openat|renameat2|rename|fsync|fdatasync|flock)\(' $D/window | sort | uniq -c
echo "data-dir writes (openat/rename under data): $(grep -E 'openat|rename' $D/window | grep -c "$D/data")"
tmux kill-session -t $S
