// cloud_array: a datacenter-class matrix engine (in the spirit of TPU v1/v2
// cores): a 64 x 64 array of 8-bit MACs with per-PE weight registers and
// 32-bit accumulators, fed from an 8 MiB unified buffer over a 512-bit
// datapath and backed by HBM2 (256-bit accesses). Keep/bypass lists name
// tensors by role (Inputs, Weights, Outputs) or by name.
//
// Energies are illustrative: the unified buffer from the default SRAM
// model's scaling of eyeriss_like's 128 KiB buffer to 8 MiB and 512 bits,
// registers from eyeriss's scratchpads, HBM2 at 3.9 pJ/bit (O'Connor et
// al., MICRO 2017). See docs/architectures.md.
accel.arch @cloud_array {
  accel.storage @HBM {technology = "dram", width = 256, word_bits = 8,
                      shared_bandwidth = 256,
                      energy = #accel.energy<read = 998.4, fill = 998.4, update = 998.4>}
  accel.storage @unified_buffer {entries = 8388608, width = 512, word_bits = 8,
                                 read_bandwidth = 128, write_bandwidth = 128,
                                 energy = #accel.energy<read = 402.0, fill = 331.0,
                                           update = 331.0, leak = 0.36>,
                                 area = 15000000.0}
  accel.fanout @rows {y = 64}
  accel.fanout @columns {x = 64}
  accel.storage @weight_reg {technology = "regfile", entries = 2, word_bits = 8,
                             keep = ["Weights"], bypass = ["Inputs", "Outputs"],
                             energy = #accel.energy<read = 0.06, fill = 0.06, update = 0.06,
                                       leak = 0.00003>,
                             area = 30.0}
  accel.storage @accumulator {technology = "regfile", entries = 8, word_bits = 32,
                              keep = ["Outputs"], bypass = ["Inputs", "Weights"],
                              energy = #accel.energy<read = 0.32, fill = 0.28, update = 0.28,
                                        leak = 0.00018>,
                              area = 120.0}
  accel.compute @mac {word_bits = 8, energy = #accel.energy<compute = 0.21>, area = 190.0}
}
