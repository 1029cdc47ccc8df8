// Eyeriss-like row-stationary accelerator: Timeloop's eyeriss_like example
// design (Accelergy-Project/timeloop-accelergy-exercises, MIT licence) with
// the energy (pJ per access) and area (um^2) tables Accelergy produced for
// it. A 64-bit LPDDR4 DRAM; a 128 KiB global buffer for inputs and partial
// sums; a 14 x 12 array of PEs, each with scratchpads for inputs (12 x
// 16 bits), weights (192 x 16 bits) and partial sums (16 x 16 bits).
accel.arch @eyeriss_like {
  accel.storage @DRAM {technology = "dram", word_bits = 8, block_size = 8,
                       shared_bandwidth = 8, reduction_supported = true,
                       energy = #accel.energy<read = 512.0, fill = 512.0, update = 512.0, leak = 0.0>}
  accel.storage @shared_glb {entries = 131072, word_bits = 8, block_size = 8,
                             read_bandwidth = 16, write_bandwidth = 16,
                             keep = ["Inputs", "Outputs"], bypass = ["Weights"],
                             energy = #accel.energy<read = 18.183829, fill = 14.137929,
                                       update = 14.137929, leak = 0.005652>,
                             area = 217363.36892}
  accel.fanout @PE_column {x = 14}
  accel.fanout @PE {y = 12}
  accel.storage @ifmap_spad {technology = "regfile", entries = 24, word_bits = 8,
                             block_size = 2, read_bandwidth = 2, write_bandwidth = 2,
                             keep = ["Inputs"], bypass = ["Weights", "Outputs"],
                             energy = #accel.energy<read = 0.202442, fill = 0.176713,
                                       update = 0.176713, leak = 0.000101>,
                             area = 70.091961}
  accel.storage @weights_spad {technology = "regfile", entries = 384, word_bits = 8,
                               block_size = 2, read_bandwidth = 2, write_bandwidth = 2,
                               keep = ["Weights"], bypass = ["Inputs", "Outputs"],
                               energy = #accel.energy<read = 1.976602, fill = 1.881657,
                                         update = 1.881657, leak = 0.001592>,
                               area = 5816.44278}
  accel.storage @psum_spad {technology = "regfile", entries = 16, word_bits = 16,
                            read_bandwidth = 2, write_bandwidth = 2,
                            keep = ["Outputs"], bypass = ["Inputs", "Weights"],
                            energy = #accel.energy<read = 0.2513, fill = 0.2191,
                                      update = 0.2191, leak = 0.000134>,
                            area = 123.627348}
  accel.compute @mac {word_bits = 16, energy = #accel.energy<compute = 0.207692>, area = 191.82}
}
