# Short-lived echo clients: python3 echo_client.py PORT [CONNECTIONS] [MESSAGES] [PARALLEL]
import socket, sys, threading

port = int(sys.argv[1])
conns = int(sys.argv[2]) if len(sys.argv) > 2 else 40
msgs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
par = int(sys.argv[4]) if len(sys.argv) > 4 else 4
lock = threading.Lock()
left = [conns]

def one():
    with socket.create_connection(("127.0.0.1", port)) as s:
        for i in range(msgs):
            line = (b"ping %d " % i) + b"x" * 100 + b"\n"
            s.sendall(line)
            got = b""
            while len(got) < len(line):
                chunk = s.recv(4096)
                if not chunk:
                    raise SystemExit("server closed early")
                got += chunk
        s.shutdown(socket.SHUT_WR)
        while s.recv(4096):
            pass

def worker():
    while True:
        with lock:
            if left[0] == 0:
                return
            left[0] -= 1
        one()

ts = [threading.Thread(target=worker) for _ in range(par)]
for t in ts: t.start()
for t in ts: t.join()
print("%d connections x %d echoes done" % (conns, msgs), file=sys.stderr)
