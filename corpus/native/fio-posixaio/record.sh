#!/usr/bin/env bash
# fio --ioengine=posixaio: 4k random O_DIRECT reads of an 8 MiB temp file for 2 s at 400 IOPS, traced from start
source "$(dirname "$0")/../_lib.sh"
rec_init "$@"
fio_record posixaio
rec_finish
