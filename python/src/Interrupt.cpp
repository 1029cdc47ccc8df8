//===- Interrupt.cpp - Long calls that Ctrl-C can stop --------------------===//

#include "Interrupt.h"

#include "pybind11/pybind11.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace py = pybind11;

void accel::python::runInterruptibly(
    const std::function<void(const std::atomic<bool> &)> &work) {
  std::atomic<bool> cancel{false};
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      work(cancel);
    } catch (...) {
      failure = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
    finished.notify_all();
  });
  while (true) {
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex);
      if (finished.wait_for(lock, std::chrono::milliseconds(100),
                            [&] { return done; }))
        break;
    }
    if (PyErr_CheckSignals() != 0) {
      cancel.store(true);
      {
        py::gil_scoped_release release;
        worker.join();
      }
      throw py::error_already_set();
    }
  }
  worker.join();
  if (failure)
    std::rethrow_exception(failure);
}
