# Number literals of every form: underscores, bases (hex digits e/E), floats,
# exponents, imaginary parts, leading zeros, huge and tiny values.
print(1, 0, 00, 0_0, 1_000, 0x1f, 0XE, 0xe, 0o17, 0b101, 0B1_0, 1.5, 1., .5, 1e3, 1E-3, 1_0.2_5e1_0, 3j, 1.5J, 1e2j, 0xdeadbeef, 007.5, 0e0, 09.5, 1_0j, 0x_ff)
print(123456789012345678901234567890, 0x_FFFF_FFFF_FFFF_FFFF_FF, 1e400, 0.1e-400, 00000, 0o0, 0b0)
