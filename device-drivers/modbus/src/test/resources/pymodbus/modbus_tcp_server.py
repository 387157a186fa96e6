"""An independent Modbus TCP peer for EdgeFleet's driver tests: pymodbus (Debian python3-pymodbus).

Usage: /usr/bin/python3 modbus_tcp_server.py PORT
Serves unit 1 on 127.0.0.1:PORT with zero-based addresses (zero_mode) and this image:
  holding registers 0..99   : 0 = 1234, 1 = 0xFFFE (-2 as int16), 10-11 = float32 21.5 (0x41AC 0x0000)
  input registers   0..19   : 0 = 7, 2-3 = uint32 70000 (0x0001 0x1170)
  coils             0..15   : 3 = on
  discrete inputs   0..15   : 1 = on
Anything else answers "illegal data address". Runs until killed.
"""
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartTcpServer

port = int(sys.argv[1])
holding = [0] * 100
holding[0] = 1234
holding[1] = 0xFFFE
holding[10] = 0x41AC
holding[11] = 0x0000
inputs = [0] * 20
inputs[0] = 7
inputs[2] = 0x0001
inputs[3] = 0x1170
coils = [False] * 16
coils[3] = True
discrete = [False] * 16
discrete[1] = True
slave = ModbusSlaveContext(
    hr=ModbusSequentialDataBlock(0, holding),
    ir=ModbusSequentialDataBlock(0, inputs),
    co=ModbusSequentialDataBlock(0, coils),
    di=ModbusSequentialDataBlock(0, discrete),
    zero_mode=True,
)
# allow_reuse_address: a restart on the same port must not wait for the old connections' TIME_WAIT
# (pymodbus 3.0 then hangs without listening instead of failing).
StartTcpServer(
    context=ModbusServerContext(slaves=slave, single=True),
    address=("127.0.0.1", port),
    allow_reuse_address=True,
)
