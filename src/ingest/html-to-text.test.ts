import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, plainToParagraphs } from './html-to-text.js';

describe('htmlToParagraphs', () => {
  it('breaks paragraphs at block elements and collapses whitespace inside them', () => {
    expect(htmlToParagraphs('<div>One  <b>two</b>\n three<p>Four</p>five</div><ul><li>a</li><li>b</li></ul>')).toEqual([
      'One two three',
      'Four',
      'five',
      'a',
      'b',
    ]);
  });

  it('turns one <br> into a line break and two into a paragraph break', () => {
    expect(htmlToParagraphs('<p>line one<br>line two<br><br>next</p>')).toEqual(['line one\nline two', 'next']);
  });

  it('leaves scripts, styles, menus and comments out and decodes entities', () => {
    expect(
      htmlToParagraphs('<nav>Home</nav><p>A&nbsp;&amp;&#8217;B<script>x()</script><style>p{}</style><!-- note --></p><noscript>n</noscript>'),
    ).toEqual(['A &’B']);
  });

  it('keeps table cells apart', () => {
    expect(htmlToParagraphs('<table><tr><td>Name</td><td>Age</td></tr><tr><td>Ali</td><td>30</td></tr></table>')).toEqual([
      'Name Age',
      'Ali 30',
    ]);
  });

  it('survives nesting deeper than the call stack', () => {
    const deep = '<div>'.repeat(20000) + 'bottom' + '</div>'.repeat(20000);
    expect(htmlToParagraphs(deep)).toEqual(['bottom']);
  });
});

describe('plainToParagraphs', () => {
  it('splits at blank lines and collapses the rest', () => {
    expect(plainToParagraphs('a\n b\n\n  \n\nc  d\n')).toEqual(['a b', 'c d']);
  });
});
