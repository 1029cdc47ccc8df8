// Output-stationary 16 x 16 PE array: Timeloop's simple_output_stationary
// example design (Accelergy-Project/timeloop-accelergy-exercises, MIT
// licence) with Accelergy's energy (pJ) and area (um^2) tables. A 64-bit
// DRAM of 16-bit words, a 128 KiB global buffer, and per PE a 192-word
// partial-sum scratchpad and one register per tensor.
accel.arch @simple_output_stationary {
  accel.storage @DRAM {technology = "dram", word_bits = 16, block_size = 4,
                       shared_bandwidth = 4, reduction_supported = true,
                       energy = #accel.energy<read = 512.0, fill = 512.0, update = 512.0, leak = 0.0>}
  accel.storage @shared_glb {entries = 65536, word_bits = 16, block_size = 4,
                             read_bandwidth = 16, write_bandwidth = 16,
                             energy = #accel.energy<read = 32.377775, fill = 26.156875,
                                       update = 26.156875, leak = 0.005353>,
                             area = 429745.625}
  accel.fanout @PE {x = 16, y = 16}
  accel.storage @pe_spad {entries = 192, word_bits = 16,
                          keep = ["Outputs"], bypass = ["Inputs", "Weights"],
                          energy = #accel.energy<read = 0.680237, fill = 1.582678,
                                    update = 1.582678, leak = 0.001165>,
                          area = 1419.815}
  accel.storage @weight_reg {entries = 1, word_bits = 16,
                             keep = ["Weights"], bypass = ["Inputs", "Outputs"],
                             energy = #accel.energy<read = 0.144, fill = 0.0, update = 0.0, leak = 0.0>,
                             area = 95.68}
  accel.storage @input_activation_reg {entries = 1, word_bits = 16,
                                       keep = ["Inputs"], bypass = ["Weights", "Outputs"],
                                       energy = #accel.energy<read = 0.144, fill = 0.0, update = 0.0, leak = 0.0>,
                                       area = 95.68}
  accel.storage @output_activation_reg {entries = 1, word_bits = 16,
                                        keep = ["Outputs"], bypass = ["Inputs", "Weights"],
                                        energy = #accel.energy<read = 0.144, fill = 0.0, update = 0.0, leak = 0.0>,
                                        area = 95.68}
  accel.compute @mac {word_bits = 16, energy = #accel.energy<compute = 0.315>, area = 417.0}
}
