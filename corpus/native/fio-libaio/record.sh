#!/usr/bin/env bash
# fio --ioengine=libaio: 4k random O_DIRECT reads of an 8 MiB temp file for 2 s at 400 IOPS, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
need fio "apt-get install fio"

# lay the file out before tracing, so the log holds the reads only
dd if=/dev/urandom of="$TMP/fio.dat" bs=1M count=8 status=none
sync
strace -f -ttt -T -yy -o "$LOG" fio --name=randread --ioengine=libaio --filename="$TMP/fio.dat" --size=8m \
  --bs=4k --rw=randread --direct=1 --iodepth=8 --runtime=2 --time_based --rate_iops=400 --eta=never \
  --output="$TMP/fio.out" >&2
cat "$TMP/fio.out" | grep -E 'read: IOPS|err=' >&2 || true
rec_finish
