// edge_systolic: a small weight-stationary systolic array for edge devices
// (in the spirit of Google's Edge TPU and NVDLA-small). 16 x 16 MACs of
// 8-bit operands fed from a 256 KiB global buffer over a 128-bit datapath,
// backed by 64-bit LPDDR4. Each PE holds weights in a 16-entry register
// file and accumulates 32-bit partial sums in a 4-entry accumulator.
//
// Keep/bypass lists name tensors by role (Inputs, Weights, Outputs: the
// first input, second input and output of an op) or by name.
//
// Energies are illustrative, derived from the eyeriss_like tables (65 nm
// class): SRAM access energy scaled with access width from the 64-bit
// global buffer, register files from eyeriss's scratchpads, DRAM at
// 8 pJ/bit (512 pJ per 64-bit access). See docs/architectures.md.
accel.arch @edge_systolic {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8,
                       shared_bandwidth = 16,
                       energy = #accel.energy<read = 512.0, fill = 512.0, update = 512.0>}
  accel.storage @global_buffer {entries = 262144, width = 128, word_bits = 8,
                                read_bandwidth = 32, write_bandwidth = 32,
                                energy = #accel.energy<read = 36.37, fill = 28.28,
                                          update = 28.28, leak = 0.0113>,
                                area = 434726.0}
  accel.fanout @rows {y = 16}
  accel.fanout @columns {x = 16}
  accel.storage @weight_rf {technology = "regfile", entries = 16, word_bits = 8,
                            keep = ["Weights"], bypass = ["Inputs", "Outputs"],
                            energy = #accel.energy<read = 0.205, fill = 0.18, update = 0.18,
                                      leak = 0.0001>,
                            area = 90.0}
  accel.storage @accumulator {technology = "regfile", entries = 4, word_bits = 32,
                              keep = ["Outputs"], bypass = ["Inputs", "Weights"],
                              energy = #accel.energy<read = 0.28, fill = 0.24, update = 0.24,
                                        leak = 0.00015>,
                              area = 75.0}
  accel.compute @mac {word_bits = 8, energy = #accel.energy<compute = 0.21>, area = 190.0}
}
