import { render } from "preact"; render(<p>viewer</p>, document.getElementById("app")!);
