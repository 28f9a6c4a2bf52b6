import { render } from 'preact';
import { Shell } from './app/Shell';
import { applyTheme, initialTheme } from './app/theme';
import './styles/app.css';

applyTheme(initialTheme());
render(<Shell />, document.getElementById('app')!);
