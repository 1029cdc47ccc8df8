//===- Interrupt.h - Long calls that Ctrl-C can stop --------------*- C++ -*-===//
//
// Searches and batches run for seconds to minutes without the GIL. Python
// only sees Ctrl-C when its main thread checks for signals, so long calls
// run their work on a helper thread while the calling thread checks every
// 100 ms; on a signal the work is asked to stop (`cancel`), awaited, and
// the KeyboardInterrupt raised.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_PYTHON_INTERRUPT_H
#define ACCEL_PYTHON_INTERRUPT_H

#include <atomic>
#include <functional>

namespace accel::python {

/// Runs `work(cancel)` with the GIL released (it must not touch Python
/// objects); exceptions it throws are rethrown here. Must be called with
/// the GIL held.
void runInterruptibly(const std::function<void(const std::atomic<bool> &)> &work);

} // namespace accel::python

#endif // ACCEL_PYTHON_INTERRUPT_H
