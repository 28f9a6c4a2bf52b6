import { render } from 'preact';
import { App } from './app/App';
import './styles/viewer.css';

render(<App />, document.getElementById('app')!);
