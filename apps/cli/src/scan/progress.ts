/** A one-line progress bar on stderr; silent when stderr is not a terminal. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr) {
  let done = 0;
  const draw = () => {
    if (!stream.isTTY) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  };
  draw();
  return {
    tick() {
      done++;
      draw();
    },
    clear() {
      if (stream.isTTY) stream.write("\r\x1b[K");
    },
  };
}
